package org.leadfeedercamel.simulator;

/** A /v1 request refused while it is read: the status and the errors-envelope entry to answer with. */
final class V1Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String title;

    V1Rejection(int status, String code, String title, String detail) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace needed
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** 400 for a missing or malformed parameter; the detail names it. */
    static V1Rejection invalid(String parameter, String problem) {
        return new V1Rejection(400, "invalid_parameter", "Invalid parameter", parameter + " " + problem);
    }
}
