package org.leadfeedercamel.mapping;

/** A record that cannot be mapped; the message is the reason stored with it. */
final class RejectedRecordException extends Exception {

    RejectedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
