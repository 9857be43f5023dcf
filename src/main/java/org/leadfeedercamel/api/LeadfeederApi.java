package org.leadfeedercamel.api;

import java.time.ZoneId;
import java.util.Map;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.run.SyncWindow;

/**
 * One Leadfeeder API generation, as the sync uses it: its requests, how its pages chain and show the
 * result cap, the account timezones it tells, and how its records map to the tables. {@link ApiChoice}
 * picks the implementation once; nothing outside this package asks which one it got.
 */
public interface LeadfeederApi {

    /** The name used in configuration and the run log's {@code api} column: {@code classic} or {@code v1}. */
    String label();

    /** How messages name it, e.g. "the classic API". */
    String description();

    /** The list of accounts the credential sees. */
    ApiRequest accounts();

    /** Page 1 of a window. */
    ApiRequest firstPage(SyncWindow window);

    /** Reads the paging of a page answered to {@code request}; throws when the page cannot be paged on. */
    Paging paging(Map<String, Object> document, ApiRequest request);

    /** The zone an account's dates are in, from the timezone the account list gives; null when unusable. */
    ZoneId accountZone(String timezone);

    /** How this API's pages of {@code stream} ("visits", "leads") map to rows. */
    PageMapping mapping(String stream);

    /** Requests a credential may send per calendar month, or null when the API counts none. */
    Integer monthlyQuota();
}
