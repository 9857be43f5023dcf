package org.leadfeedercamel.simulator;

import org.leadfeedercamel.simulator.http.Delivery;
import org.leadfeedercamel.simulator.http.SimResponse;
import org.leadfeedercamel.simulator.http.SimulatorHttpServer;

/**
 * What a response becomes when it meets a fault; shared by both API generations, each with its own 500 body.
 * The paging faults are not here: they change how a list page is made, which each API does itself.
 */
final class InjectedFaults {

    private InjectedFaults() {
    }

    static SimResponse apply(Fault fault, SimResponse response, FaultInjector faults, byte[] serverErrorBody,
            SimulatorStats stats) {
        stats.faulted(fault);
        FaultSettings settings = faults.settings();
        return switch (fault) {
            case SERVER_ERROR -> SimResponse.json(500, serverErrorBody);
            case BAD_GATEWAY -> gatewayPage(502);
            // a gateway in maintenance says when to come back
            case SERVICE_UNAVAILABLE -> faults.unavailableRetryAfterSeconds() > 0
                    ? gatewayPage(503).withHeader("Retry-After", String.valueOf(faults.unavailableRetryAfterSeconds()))
                    : gatewayPage(503);
            case GATEWAY_TIMEOUT -> gatewayPage(504);
            case SLOW -> response.delayedBy(settings.slowMillis() > 0 ? settings.slowMillis() : 2_000);
            case RESET -> response.deliveredAs(Delivery.RESET_MIDWAY);
            case TRUNCATE -> response.deliveredAs(Delivery.TRUNCATED);
            case OVERSIZED -> response.paddedTo(settings.oversizedBytes());
            case NEXT_SELF, NEXT_BACKWARDS, NEXT_PAST_LAST -> throw new IllegalArgumentException(fault + " is made by the API's paging");
        };
    }

    /** What a load balancer in front of the API answers: HTML, not JSON. */
    private static SimResponse gatewayPage(int status) {
        String title = status + " " + SimulatorHttpServer.reason(status);
        return SimResponse.text(status, "text/html", "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n"
                + "<center><h1>" + title + "</h1></center>\r\n</body>\r\n</html>\r\n");
    }
}
