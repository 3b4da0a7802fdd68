/**
 * The face-image decoders behind a worker thread: jpeg-js for JPEG and OpenJPEG (the @cornerstonejs/codec-openjpeg
 * WebAssembly build) for JPEG 2000. One worker, started on first use and reused, so OpenJPEG is compiled and
 * instantiated once. Decoding off the main thread keeps a large face from stalling the kiosk's event loop, and
 * puts every decode under a deadline: an input that makes a decoder spin (a progressive JPEG with thousands of
 * scans, a hostile codestream) is stopped by terminating the worker, which synchronous code on the main thread
 * could not be. Decodes are serialised.
 *
 * A worker keeps what it decoded last: the input buffer it was sent, jpeg-js's planes, OpenJPEG's WebAssembly heap
 * (freed, not cleared). `wipe()` ends the session's share of it by terminating the worker — its isolate and heap go
 * with it — and starts a fresh one that loads its libraries at once, so the next resident's face does not wait for
 * a cold start. A worker that has been sent no face since it started holds nothing of anyone: its wipe keeps it
 * (every identification ends with a wipe, most of them before any document was placed, and a restart costs the
 * kiosk a thread and an OpenJPEG compilation while the resident is tapping through the next screens).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import { FACE_IMAGE_WORKER_SOURCE } from './face_image_worker_source.js';

export interface DecodedJpeg2000 {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: number;
  readonly componentCount: number;
  readonly isSigned: boolean;
  /** OPJ_COLOR_SPACE: -1 unknown, 0 unspecified, 1 sRGB, 2 grey, 3 sYCC, 4 e-YCC, 5 CMYK. */
  readonly colorSpace: number;
  /** Interleaved samples: one byte each up to 8 bits, two (little-endian) above. */
  readonly pixels: Uint8Array;
}

export interface DecodedJpegSize {
  readonly width: number;
  readonly height: number;
}

/** jpeg-js's own allocation guards, passed through. */
export interface JpegDecodeLimits {
  readonly maxResolutionInMP: number;
  readonly maxMemoryUsageInMB: number;
}

export type DecodeError =
  | { readonly code: 'decoder-unavailable'; readonly detail: string }
  | { readonly code: 'decode-failed'; readonly detail: string }
  | { readonly code: 'crashed'; readonly detail: string }
  | { readonly code: 'timeout'; readonly detail: string };

export type DecodeResult<T> = Result<T, DecodeError>;

const workerReply = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('jpeg-decoded'),
    id: z.number(),
    width: z.number().int(),
    height: z.number().int(),
  }),
  z.object({
    type: z.literal('jpeg2000-decoded'),
    id: z.number(),
    width: z.number().int(),
    height: z.number().int(),
    bitsPerSample: z.number().int(),
    componentCount: z.number().int(),
    isSigned: z.boolean(),
    colorSpace: z.number().int(),
    pixels: z.instanceof(Uint8Array),
  }),
  z.object({ type: z.literal('warmed'), id: z.number() }),
  z.object({
    type: z.literal('failed'),
    id: z.number(),
    reason: z.enum(['rejected', 'trap', 'unavailable']),
    detail: z.string(),
  }),
]);

export interface DecoderPaths {
  readonly openJpegModulePath: string;
  readonly openJpegWasmPath: string;
  readonly jpegModulePath: string;
}

/**
 * Resolved through Node's resolver from this file, so it works from the sources (ESM, vitest, tsx) and from the
 * esbuild CommonJS bundle of the main process (where import.meta is empty and __filename is the bundle). The
 * .wasm is read by the worker and handed to the Emscripten factory as `wasmBinary`: no fetch, no locateFile.
 */
export function resolveDecoderPaths(): DecoderPaths {
  const base = import.meta.url || pathToFileURL(__filename).href;
  const resolve = createRequire(base).resolve;
  return {
    openJpegModulePath: resolve('@cornerstonejs/codec-openjpeg/wasmjs'),
    openJpegWasmPath: resolve('@cornerstonejs/codec-openjpeg/wasm'),
    jpegModulePath: resolve('jpeg-js'),
  };
}

type Reply = z.infer<typeof workerReply>;
/** Loading jpeg-js and compiling OpenJPEG takes a few hundred milliseconds on a slow kiosk. */
const WARM_UP_TIMEOUT_MS = 10_000;
interface Pending {
  readonly id: number;
  readonly settle: (reply: Reply | DecodeError) => void;
}

export class FaceImageDecoder {
  private worker: Worker | undefined;
  /** Whether the running worker was sent a face (so holds a resident's data until it is terminated). */
  private workerSawFace = false;
  private pending: Pending | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /** `paths` says where the libraries are; tests point it elsewhere to break a decoder. */
  constructor(private readonly paths: () => DecoderPaths = resolveDecoderPaths) {}

  /** Decodes a whole JPEG (every scan) and reports its size; never rejects. */
  async decodeJpeg(
    bytes: Uint8Array,
    limits: JpegDecodeLimits,
    timeoutMs: number,
  ): Promise<DecodeResult<DecodedJpegSize>> {
    const reply = await this.enqueue(
      { kind: 'jpeg', bytes, options: { ...limits, tolerantDecoding: false } },
      timeoutMs,
    );
    if ('code' in reply) return err(reply);
    if (reply.type !== 'jpeg-decoded') return err(failure(reply));
    return ok({ width: reply.width, height: reply.height });
  }

  /** Decodes one JPEG 2000 file (JP2) or codestream (J2K); never rejects. */
  async decodeJpeg2000(bytes: Uint8Array, timeoutMs: number): Promise<DecodeResult<DecodedJpeg2000>> {
    const reply = await this.enqueue({ kind: 'jpeg2000', bytes }, timeoutMs);
    if ('code' in reply) return err(reply);
    if (reply.type !== 'jpeg2000-decoded') return err(failure(reply));
    const { id: _id, type: _type, ...value } = reply;
    return ok(value);
  }

  /** Stops the worker (tests, shutdown). The next decode starts a new one. */
  async close(): Promise<void> {
    await this.queue;
    await this.stopWorker();
  }

  /**
   * A resident's session ended: the worker that saw their face is terminated (a decode still running for them is
   * abandoned as `crashed`), and a fresh worker loads the decoders for the next one. Resolves once the old worker
   * has exited.
   */
  async wipe(): Promise<void> {
    // Nothing of a resident to wipe: no face was sent to this worker since it started (a decode running now was).
    if (!this.workerSawFace) return;
    const worker = this.worker;
    this.worker = undefined;
    const pending = this.pending;
    if (pending) this.finish(pending.id, { code: 'crashed', detail: 'the session ended' });
    if (worker !== undefined) await worker.terminate();
    void this.enqueue({ kind: 'warm' }, WARM_UP_TIMEOUT_MS);
  }

  /** The worker thread's id, while one runs (diagnostics and tests: a wipe changes it). */
  get workerThreadId(): number | undefined {
    return this.worker?.threadId;
  }

  private enqueue(
    request: { kind: 'jpeg' | 'jpeg2000' | 'warm' } & Record<string, unknown>,
    timeoutMs: number,
  ) {
    const run = this.queue.then(() => this.send(request, timeoutMs));
    this.queue = run;
    return run;
  }

  private send(request: Record<string, unknown>, timeoutMs: number): Promise<Reply | DecodeError> {
    const worker = this.ensureWorker();
    if ('code' in worker) return Promise.resolve(worker);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.finish(id, { code: 'timeout', detail: `no result within ${timeoutMs} ms` });
        void this.stopWorker();
      }, timeoutMs);
      this.pending = {
        id,
        settle: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      };
      if (request.kind !== 'warm') this.workerSawFace = true;
      const bytes = request.bytes instanceof Uint8Array ? request.bytes.slice() : new Uint8Array(0);
      worker.postMessage({ ...request, id, bytes }, [bytes.buffer]);
    });
  }

  private ensureWorker(): Worker | DecodeError {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(FACE_IMAGE_WORKER_SOURCE, { eval: true, workerData: this.paths() });
      // An idle decoder must not keep the process alive; a pending decode's timer does while it runs.
      worker.unref();
      this.workerSawFace = false;
      worker.on('message', (message: unknown) => this.onMessage(worker, message));
      worker.on('error', (error) => this.onWorkerGone(worker, `decoder worker failed: ${error.message}`));
      worker.on('exit', (code) => this.onWorkerGone(worker, `decoder worker exited (${code})`));
      this.worker = worker;
      return worker;
    } catch (error) {
      // A library missing from node_modules, or worker threads unavailable.
      const detail = `cannot start the decoder worker: ${error instanceof Error ? error.message : String(error)}`;
      return { code: 'decoder-unavailable', detail };
    }
  }

  private onMessage(worker: Worker, message: unknown): void {
    const parsed = workerReply.safeParse(message);
    if (!parsed.success) {
      this.onWorkerGone(worker, 'decoder worker sent an unexpected message');
      return;
    }
    const reply = parsed.data;
    this.finish(reply.id, reply);
    if (reply.type === 'failed' && reply.reason !== 'rejected') void this.stopWorker();
  }

  /** The worker died under a decode (an out-of-memory kill, a crash): the input is blamed, the worker replaced. */
  private onWorkerGone(worker: Worker, detail: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const pending = this.pending;
    if (pending) this.finish(pending.id, { code: 'crashed', detail });
    void worker.terminate();
  }

  private finish(id: number, reply: Reply | DecodeError): void {
    const pending = this.pending;
    if (pending === undefined || pending.id !== id) return;
    this.pending = undefined;
    pending.settle(reply);
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }
}

function failure(reply: Reply): DecodeError {
  if (reply.type !== 'failed') return { code: 'crashed', detail: `unexpected ${reply.type} reply` };
  switch (reply.reason) {
    case 'rejected':
      return { code: 'decode-failed', detail: reply.detail };
    case 'trap':
      return { code: 'crashed', detail: reply.detail };
    case 'unavailable':
      return { code: 'decoder-unavailable', detail: reply.detail };
    default: {
      const unreachable: never = reply.reason;
      return { code: 'crashed', detail: String(unreachable) };
    }
  }
}

let shared: FaceImageDecoder | undefined;
/** The process-wide decoder: one worker, one OpenJPEG instance. */
export function sharedFaceImageDecoder(): FaceImageDecoder {
  shared ??= new FaceImageDecoder();
  return shared;
}
