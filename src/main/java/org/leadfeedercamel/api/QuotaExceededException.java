package org.leadfeedercamel.api;

/**
 * HTTP 429 {@code quota_exceeded} on {@code /v1}: the key's monthly request quota is spent. Waiting
 * cannot help before the quota resets, so the run stops instead of retrying.
 */
public final class QuotaExceededException extends FatalApiException {

    public QuotaExceededException(String message) {
        super(message);
    }
}
