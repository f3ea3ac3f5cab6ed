// A bounded reader of the zip container of an .xlsx: yauzl lists the entries from the central directory (at
// most `zipEntries`); one entry at a time is inflated (node:zlib) as a stream whose bytes are counted as they
// come out — stopped at the entry's limit and at the workbook's — whatever sizes the zip declares (those are
// used only to refuse early).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { ImportLimitError, mb, type ImportLimits } from './limits.js';
import { UnreadableUploadError } from './problems.js';

const unreadable = () => new UnreadableUploadError('The file is not a readable Excel workbook (.xlsx); it may be damaged or password-protected.');

export class BoundedZip {
  private inflated = 0;

  private constructor(
    private readonly bytes: Buffer,
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ImportLimits,
  ) {}

  static async open(bytes: Buffer, limits: ImportLimits): Promise<BoundedZip> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false }, (err, z) => (err || !z ? reject(unreadable()) : resolve(z))),
    );
    const tooMany = () => new ImportLimitError('zip-entries', `The workbook holds more than ${limits.zipEntries} files (zip entries)`, 'the workbook');
    if (zip.entryCount > limits.zipEntries) {
      zip.close();
      throw tooMany();
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        // Counted as listed too: the count in the zip's trailer is only a claim.
        if (entries.size >= limits.zipEntries) return reject(tooMany());
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(unreadable()));
      zip.readEntry();
    }).catch((err) => {
      zip.close();
      throw err;
    });
    return new BoundedZip(bytes, zip, entries, limits);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /**
   * Streams the entry's text to `onText`, at most `maxBytes` inflated (and within the workbook's total).
   * `onText` may throw to stop reading (its error is what this rejects with); so does `stop()`.
   */
  async read(path: string, maxBytes: number, onText: (text: string) => void, label = path): Promise<void> {
    const entry = this.entries.get(path);
    if (!entry) throw unreadable();
    const { limits } = this;
    const overEntry = () => new ImportLimitError('entry-size', `The workbook's part ${label} inflates to more than ${mb(maxBytes)}`, path);
    const overWorkbook = () => new ImportLimitError('workbook-size', `The workbook inflates to more than ${mb(limits.workbookBytes)} in all`, path);
    if (entry.uncompressedSize > maxBytes) throw overEntry();
    if (this.inflated + entry.uncompressedSize > limits.workbookBytes) throw overWorkbook();
    const data = this.compressedData(entry);
    // Inflated here rather than through yauzl's read stream, which never settled on some broken deflate data.
    const stream: NodeJS.ReadableStream & { destroy(): void } = entry.compressionMethod === 0 ? Readable.from([data]) : createInflateRaw();
    if (entry.compressionMethod !== 0) (stream as unknown as { end(b: Buffer): void }).end(data);
    const decoder = new StringDecoder('utf8');
    let count = 0;
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (err?: unknown) => {
        if (done) return;
        done = true;
        if (err) {
          stream.destroy();
          reject(err);
        } else resolve();
      };
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        count += chunk.length;
        this.inflated += chunk.length;
        if (count > maxBytes) return finish(overEntry());
        if (this.inflated > limits.workbookBytes) return finish(overWorkbook());
        try {
          onText(decoder.write(chunk));
        } catch (err) {
          finish(err);
        }
      });
      stream.on('end', () => {
        if (done) return;
        try {
          const rest = decoder.end();
          if (rest) onText(rest);
          finish();
        } catch (err) {
          finish(err);
        }
      });
      // Broken deflate data (or a stream cut short).
      stream.on('error', () => finish(unreadable()));
    });
  }

  /** The entry's bytes as stored, found through its local header (stored or deflated only; never encrypted). */
  private compressedData(entry: yauzl.Entry): Buffer {
    const { bytes } = this;
    const at = entry.relativeOffsetOfLocalHeader;
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw unreadable();
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw unreadable();
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw unreadable();
    return bytes.subarray(start, end);
  }

  close(): void {
    this.zip.close();
  }
}
