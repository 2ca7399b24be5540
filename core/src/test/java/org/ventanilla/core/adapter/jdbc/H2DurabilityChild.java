package org.ventanilla.core.adapter.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;

import org.ventanilla.core.port.OutboxEvent;

/**
 * The process {@link H2KillDurabilityIT} kills: opens the store on an H2 file and commits from several threads
 * (a record, a radicado key and an outbox event per transaction), printing {@code ACK <id> <number> END} only after
 * inTransaction has returned. Runs until killed.
 *
 * <p>Arguments: database directory, number of writer threads, a prefix that keeps ids unique across runs.
 */
public final class H2DurabilityChild {

    private H2DurabilityChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        String prefix = args[2];
        PrintStream out = System.out;
        JdbcRecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        out.println("READY");
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers[t] = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String id = prefix + "-" + writer + "-" + i;
                    try {
                        long number = store.nextInSequence("radicado");
                        store.inTransaction(tx -> {
                            tx.insert("case", id, "{\"radicado\":\"2026-" + number + "\",\"asunto\":\"Petición por alumbrado público\"}");
                            tx.claimKey("radicado", "2026-" + number, id);
                            tx.appendEvent(new OutboxEvent.Draft("case", id, "case.opened", "{\"numero\":" + number + "}"));
                            return null;
                        });
                        // println on System.out flushes: once it returns, the parent can read the ack even after a SIGKILL.
                        out.println("ACK " + id + " " + number + " END");
                    } catch (RuntimeException e) {
                        // A transaction that failed (a lock timeout on a starved machine) was not acknowledged: go on.
                        System.err.println("write " + id + " failed, not acknowledged: " + e);
                    }
                }
            }, "writer-" + t);
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
