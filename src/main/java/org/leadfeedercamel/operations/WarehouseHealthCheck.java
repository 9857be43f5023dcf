package org.leadfeedercamel.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the warehouse answers. A sync cannot write without it, but the process is still alive. */
public final class WarehouseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    /** {@code id}: the check's id, e.g. {@code leadfeeder-warehouse}, one per instance. */
    public WarehouseHealthCheck(String id, DataSource dataSource) {
        super("leadfeeder", id);
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(5)) {
                builder.up();
            } else {
                builder.down().message("the warehouse connection is not valid");
            }
        } catch (SQLException e) {
            builder.down().message("the warehouse is unreachable: " + e.getMessage());
        }
    }
}
