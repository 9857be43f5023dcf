package org.leadfeedercamel.api;

/**
 * A page the API answered in full but whose paging cannot be read (e.g. a {@code links.next} that is
 * neither a URL nor a link object). Its window cannot be finished, so it fails its account, never
 * taken for the end of the data.
 */
public final class MalformedPageException extends ApiException {

    public MalformedPageException(String message) {
        super(message);
    }
}
