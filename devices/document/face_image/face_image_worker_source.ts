/**
 * The code of the worker thread that decodes face images: jpeg-js for JPEG, OpenJPEG (WebAssembly) for JPEG 2000.
 * It is a string evaluated as CommonJS so it survives esbuild bundling unchanged (no worker file to ship or
 * locate); the libraries come from paths the parent resolved in node_modules. OpenJPEG is instantiated on the
 * first JPEG 2000 request and reused. The parent kills the worker on a deadline or a WebAssembly trap.
 */
export const FACE_IMAGE_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const quiet = () => {};
const message = (error) => String((error && error.message) || error);
let openJpeg;
const loadOpenJpeg = () => {
  openJpeg ??= Promise.resolve().then(() =>
    require(workerData.openJpegModulePath)({
      wasmBinary: readFileSync(workerData.openJpegWasmPath),
      print: quiet,
      printErr: quiet,
    }),
  );
  return openJpeg;
};
let jpeg;

function decodeJpeg(request) {
  try {
    jpeg ??= require(workerData.jpegModulePath);
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id: request.id, reason: 'unavailable', detail: message(error) });
    return;
  }
  try {
    const image = jpeg.decode(request.bytes, { ...request.options, useTArray: true, formatAsRGBA: false });
    parentPort.postMessage({ type: 'jpeg-decoded', id: request.id, width: image.width, height: image.height });
  } catch (error) {
    // jpeg-js reports every malformation (bad Huffman code, misplaced marker, its own limits) by throwing.
    parentPort.postMessage({ type: 'failed', id: request.id, reason: 'rejected', detail: message(error) });
  }
}

function decodeJpeg2000(codec, request) {
  const decoder = new codec.J2KDecoder();
  try {
    const input = decoder.getEncodedBuffer(request.bytes.length);
    input.set(request.bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    // A codestream cut short can end the decode without an exception and without an image.
    if (!(info.width > 0 && info.height > 0 && info.componentCount > 0)) {
      parentPort.postMessage({ type: 'failed', id: request.id, reason: 'rejected', detail: 'OpenJPEG produced no image' });
      return;
    }
    const pixels = new Uint8Array(decoder.getDecodedBuffer());
    const reply = {
      type: 'jpeg2000-decoded',
      id: request.id,
      width: info.width,
      height: info.height,
      bitsPerSample: info.bitsPerSample,
      componentCount: info.componentCount,
      isSigned: info.isSigned,
      colorSpace: decoder.getColorSpace(),
      pixels,
    };
    parentPort.postMessage(reply, [pixels.buffer]);
  } catch (error) {
    // OpenJPEG's C++ exceptions arrive as numbers; a WebAssembly trap leaves the instance unusable.
    const reason = error instanceof WebAssembly.RuntimeError ? 'trap' : 'rejected';
    const detail = typeof error === 'number' ? 'OpenJPEG rejected the codestream' : message(error);
    parentPort.postMessage({ type: 'failed', id: request.id, reason, detail });
  } finally {
    try { decoder.delete(); } catch {}
  }
}

// Loads both decoders ahead of the first face (after a wipe, while the attract screen shows).
function warm(request) {
  try {
    jpeg ??= require(workerData.jpegModulePath);
  } catch {}
  loadOpenJpeg().then(
    () => parentPort.postMessage({ type: 'warmed', id: request.id }),
    () => parentPort.postMessage({ type: 'warmed', id: request.id }),
  );
}

parentPort.on('message', (request) => {
  if (request.kind === 'warm') return warm(request);
  if (request.kind === 'jpeg') return decodeJpeg(request);
  loadOpenJpeg().then(
    (codec) => decodeJpeg2000(codec, request),
    (error) => parentPort.postMessage({ type: 'failed', id: request.id, reason: 'unavailable', detail: message(error) }),
  );
});
`;
