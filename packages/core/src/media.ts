// Image inputs, web-standard only: an http(s) URL is passed through; bytes or a Blob become a data URL
// after their type is sniffed from magic bytes (PNG, JPEG, WebP, GIF; anything else is refused) and their
// size checked against a cap (default 10 MB). Local paths live in the node subpath.
import { InputValidationError } from './errors';

export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export type ImageSource = string | URL | Blob | ArrayBuffer | ArrayBufferView;

export interface ImageInputOptions {
  /** Largest accepted image in bytes (default 10 MB). */
  maxBytes?: number;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type from the first bytes, or undefined when it is not PNG, JPEG, WebP or GIF. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  return undefined;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // A multiple of 3, so the chunks' base64 strings concatenate without padding in between.
  for (let start = 0; start < bytes.length; start += 0x2000 * 3) {
    const chunk = bytes.subarray(start, start + 0x2000 * 3);
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return parts.join('');
}

function tooLarge(size: number, maxBytes: number, field = 'image'): InputValidationError {
  return new InputValidationError(
    field,
    `the image is ${size} bytes, more than the ${maxBytes}-byte limit`,
    undefined,
    'Use a smaller image or a public https URL.',
  );
}

/** Bytes -> data:image/...;base64 URL, refusing unknown types and oversized images. */
export function bytesToDataUrl(bytes: Uint8Array, options: ImageInputOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes);
  const type = sniffImageType(bytes);
  if (!type) {
    throw new InputValidationError('image', 'the bytes are not a PNG, JPEG, WebP or GIF image', IMAGE_TYPES);
  }
  return `data:${type};base64,${bytesToBase64(bytes)}`;
}

/** Checks a string image reference: an http(s) URL, or a data URL of a supported, small enough image. */
export function validateImageRef(
  value: string,
  options: ImageInputOptions & { field?: string } = {},
): string {
  const field = options.field ?? 'image';
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value))
      throw new InputValidationError(field, `${JSON.stringify(value.slice(0, 80))} is not a valid URL`);
    return value;
  }
  const match = /^data:([^;,]+);base64,([A-Za-z0-9+/]*={0,2})$/i.exec(value);
  if (!match) {
    throw new InputValidationError(
      field,
      'expected a public https URL or a data:image/<type>;base64,<data> URL',
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const data = match[2] ?? '';
  const size = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
  if (size > maxBytes) throw tooLarge(size, maxBytes, field);
  const head = decodeHead(data, field);
  const type = sniffImageType(head);
  if (!type)
    throw new InputValidationError(
      field,
      'the data URL does not hold a PNG, JPEG, WebP or GIF image',
      IMAGE_TYPES,
    );
  return `data:${type};base64,${data}`;
}

/** The first bytes of base64 `data`, or an InputValidationError when it is not valid base64. */
function decodeHead(data: string, field: string): Uint8Array {
  // atob throws a DOMException on bad base64 (a length of 4n+1, padding inside the data).
  if (data.length % 4 === 1 || /=[^=]/.test(data)) {
    throw new InputValidationError(field, 'the data URL does not hold valid base64 data');
  }
  try {
    return Uint8Array.from(atob(data.slice(0, 16)), (char) => char.charCodeAt(0));
  } catch {
    throw new InputValidationError(field, 'the data URL does not hold valid base64 data');
  }
}

/** The image fields of every model: `image` (documented models), minimax's frames and references. */
export const IMAGE_FIELDS = ['image', 'imageUrl', 'lastFrameUrl', 'referenceImageUrls'] as const;

/** Checks every image of a wire body (URL syntax, inline type and size) before it is sent. */
export function validateInputImages(body: Record<string, unknown>, options: ImageInputOptions = {}): void {
  for (const field of IMAGE_FIELDS) {
    const value = body[field];
    const values = Array.isArray(value) ? value : [value];
    values.forEach((item, index) => {
      const name = Array.isArray(value) ? `${field}.${index}` : field;
      if (typeof item === 'string') validateImageRef(item, { ...options, field: name });
    });
  }
}

/** Any supported image source -> the string the API takes (URL or data URL). */
export async function toImageInput(source: ImageSource, options: ImageInputOptions = {}): Promise<string> {
  if (source instanceof URL) return validateImageRef(source.href, options);
  if (typeof source === 'string') return validateImageRef(source, options);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
    // Checked before reading, so a huge Blob is never loaded.
    if (source.size > maxBytes) throw tooLarge(source.size, maxBytes);
    return bytesToDataUrl(new Uint8Array(await source.arrayBuffer()), options);
  }
  if (source instanceof ArrayBuffer) return bytesToDataUrl(new Uint8Array(source), options);
  if (ArrayBuffer.isView(source)) {
    return bytesToDataUrl(new Uint8Array(source.buffer, source.byteOffset, source.byteLength), options);
  }
  throw new InputValidationError('image', 'expected an https URL, a data URL, a Blob or bytes');
}
