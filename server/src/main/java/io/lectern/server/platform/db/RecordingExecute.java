package io.lectern.server.platform.db;

import io.helidon.dbclient.DbExecute;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Runs statements as usual and writes down each one's text and parameters, so a benchmark can replay exactly the
 * SQL a request ran, bare over JDBC, beside the server.
 */
public final class RecordingExecute {

    private RecordingExecute() {
    }

    /** {@code db}, recording every {@code query}/{@code get} with a SQL text and parameters into {@code into}. */
    public static DbExecute wrap(DbExecute db, List<Sql> into) {
        return (DbExecute) Proxy.newProxyInstance(DbExecute.class.getClassLoader(), new Class<?>[] {DbExecute.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 2 && args[0] instanceof String text && args[1] instanceof Object[] p
                            && (method.getName().equals("query") || method.getName().equals("get"))) {
                        into.add(new Sql(text, p));
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
