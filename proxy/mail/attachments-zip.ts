import type { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import yazl from 'yazl';
import type { AttachmentInfo } from '../../common/contract';
import { safeFileName } from '../../common/policy/file-name';
import { ApiError } from '../errors';
import { findAttachments } from './body-structure';
import { fileNameFromSubject, lockMailbox, releaseWhenDone } from './mailbox-lock';

export interface ZipStream {
  content: Readable;
  filename: string;
}

/** Types that are compressed already: deflating them again costs CPU and saves nothing. */
const STORED =
  /^(image\/(jpeg|png|gif|webp)|application\/(zip|x-7z|x-rar|gzip|pdf|vnd\.openxmlformats)|video\/|audio\/)/i;

/**
 * Every attachment of a message as one ZIP, streamed: each part is fetched from IMAP only when the
 * ZIP writer reaches it (yazl's addReadStreamLazy), so memory stays at one chunk whatever the
 * total. Names are UTF-8 (yazl sets the language-encoding flag), so "Công văn 12.pdf" unzips as
 * written. The folder lock is held until the last byte is sent.
 */
export async function openAttachmentsZip(client: ImapFlow, path: string, uid: number): Promise<ZipStream> {
  const lock = await lockMailbox(client, path, { readOnly: true });
  try {
    const meta = await client.fetchOne(
      String(uid),
      { uid: true, envelope: true, bodyStructure: true, internalDate: true },
      { uid: true },
    );
    if (meta === false || !meta.bodyStructure) throw new ApiError('message_not_found', { uid });
    const all = findAttachments(meta.bodyStructure);
    const files = all.some((a) => !a.inline) ? all.filter((a) => !a.inline) : all;
    if (files.length === 0) throw new ApiError('attachment_not_found', { part: 'all' });

    const zip = new yazl.ZipFile();
    const mtime = meta.internalDate instanceof Date ? meta.internalDate : new Date();
    const names = uniqueNames(files);
    files.forEach((file, i) => {
      zip.addReadStreamLazy(names[i]!, { compress: !STORED.test(file.contentType), mtime }, (done) => {
        const fail = (err: Error) => done(err, undefined as unknown as NodeJS.ReadableStream);
        client
          .download(String(uid), file.id, { uid: true })
          .then((part) =>
            part.content
              ? done(null, part.content)
              : fail(new ApiError('attachment_not_found', { part: file.id })),
          )
          .catch(fail);
      });
    });
    zip.end();

    const content = zip.outputStream as Readable;
    // A part that fails half-way must not end as a ZIP that looks complete: the download aborts.
    zip.on('error', (err: Error) => content.destroy(err));
    releaseWhenDone(content, lock);
    return { content, filename: fileNameFromSubject(meta.envelope?.subject, uid, 'zip') };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Two attachments called "Báo cáo.pdf" become "Báo cáo.pdf" and "Báo cáo (2).pdf". */
export function uniqueNames(files: Pick<AttachmentInfo, 'filename'>[]): string[] {
  const used = new Set<string>();
  return files.map(({ filename }) => {
    const clean = safeFileName(filename, 'tep');
    const dot = clean.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
    let name = clean;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}
