package gongkai.query.audit;

import gongkai.query.chain.ChainVerification;
import gongkai.query.chain.Verification;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification of the event store for an auditor, without the query side running:
 * <pre>
 *   java -cp query-side.jar:postgresql.jar gongkai.query.audit.VerifyCli JDBC-URL [USER [PASSWORD]] [--anchor=INDEX:HASH]
 * </pre>
 * (or, with the runnable jar, {@code java -cp query-side-…-exec.jar -Dloader.main=gongkai.query.audit.VerifyCli
 * org.springframework.boot.loader.launch.PropertiesLauncher JDBC-URL …}). The user and password default to
 * {@code PGUSER} and {@code PGPASSWORD}. {@code --anchor} checks a chain head recorded with a publication.
 * Exit status: 0 intact, 1 tampered (an event, or an attached file whose bytes no longer match its event), 2 could
 * not verify. Reads only; needs only the JDK and the
 * PostgreSQL driver.
 */
public final class VerifyCli {

    private VerifyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Long anchorIndex = null;
        String anchorHash = null;
        for (String arg : args) {
            if (arg.startsWith("--anchor=")) {
                String[] anchor = arg.substring("--anchor=".length()).split(":", 2);
                try {
                    anchorIndex = Long.parseLong(anchor[0]);
                    anchorHash = anchor.length > 1 ? anchor[1] : null;
                } catch (NumberFormatException e) {
                    err.println("--anchor must be INDEX:HASH");
                    return 2;
                }
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty() || !positional.get(0).startsWith("jdbc:postgresql:")) {
            err.println("usage: VerifyCli jdbc:postgresql://HOST:PORT/DATABASE [USER [PASSWORD]] [--anchor=INDEX:HASH]");
            return 2;
        }
        String user = positional.size() > 1 ? positional.get(1) : System.getenv("PGUSER");
        String password = positional.size() > 2 ? positional.get(2) : System.getenv("PGPASSWORD");
        try (Connection connection = DriverManager.getConnection(positional.get(0), user, password)) {
            Verification verification = ChainVerification.verify(connection, anchorIndex, anchorHash, 1000);
            print(verification, out);
            return verification.intact() && verification.filesIntact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("could not verify: " + e.getMessage());
            return 2;
        }
    }

    static void print(Verification v, PrintStream out) {
        out.println(v.intact() ? "INTACT: the event store matches its hash chain"
                               : "TAMPERED: " + v.problemCount() + " problem(s) found");
        out.println("events in store: " + v.eventsInStore() + ", chained: " + v.eventsChained()
                    + ", not yet chained: " + v.eventsNotYetChained());
        out.println("chain head: global index " + v.chainHead().globalIndex() + ", hash " + v.chainHead().hash());
        out.println("recomputed: " + v.recomputedHead());
        if (v.anchor() != null) {
            out.println("anchor at global index " + v.anchor().globalIndex() + ": "
                        + (v.anchor().matches() ? "matches" : "DOES NOT MATCH (recomputed " + v.anchor().recomputedHash() + ")"));
        }
        for (Verification.Problem p : v.problems()) {
            out.println(p.kind() + " global index " + p.globalIndex() + " event " + p.eventIdentifier()
                        + (p.aggregateIdentifier() == null ? "" : " case " + p.aggregateIdentifier()) + ": " + p.detail());
        }
        if (v.problemCount() > v.problems().size()) {
            out.println("… and " + (v.problemCount() - v.problems().size()) + " more");
        }
        if (v.files() != null) {
            out.println("attached files checked: " + v.files().filesChecked() + ", erased: " + v.files().filesErased()
                        + ", damaged: " + v.files().damaged().size());
            for (gongkai.query.chain.AttachedFiles.DamagedFile f : v.files().damaged()) {
                out.println("DAMAGED FILE " + f.damage() + " attachment " + f.attachmentId() + " case " + f.applicationId()
                            + " (event " + f.eventIdentifier() + ", global index " + f.globalIndex() + "): " + f.detail());
            }
        }
    }
}
