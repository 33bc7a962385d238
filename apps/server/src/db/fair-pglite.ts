import { type ExecProtocolOptions, PGlite } from "@electric-sql/pglite";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite that lets the event loop turn before each exchange with the database. PGlite runs in the
 * server's thread and answers without real I/O, so a transaction's chain of queries would hold the
 * loop for its whole length: no socket read, no connection accepted. In a month-end burst, new
 * connections waited up to 10 s in the accept queue while older ones were served (client time-outs
 * in 7 runs of 12; none in 4 with the turn, at the same throughput). A turn costs microseconds when
 * nothing waits.
 */
export class FairPGlite extends PGlite {
  override async execProtocol(message: Uint8Array, options?: ExecProtocolOptions): ReturnType<PGlite["execProtocol"]> {
    await nextTurn();
    return super.execProtocol(message, options);
  }

  override async execProtocolStream(
    message: Uint8Array,
    options: ExecProtocolOptions,
  ): ReturnType<PGlite["execProtocolStream"]> {
    await nextTurn();
    return super.execProtocolStream(message, options);
  }
}
