import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import {
  type PdfSignature,
  type PdfSignatureReport,
  worstPdfSignatureOutcome,
} from '../../common/contract/pdf-signatures';
import { ApiError } from '../errors';
import { ensureTrustDb } from './nss-trust-db';
import { type PdfsigSignature, parsePdfsigOutput } from './pdfsig-output';
import { runTool, type ToolLimits } from './run-tool';
import { signatureOutcome } from './signature-outcome';
import { readSignerCertificate, type SignerCertificate } from './signer-certificate';
import { parseVfychainOutput, vfychainTime } from './vfychain-output';

export interface VerifierSettings {
  /** The PEM roots (TRUST_ANCHORS_DIR); unset trusts nothing. */
  trustAnchorsDir: string | undefined;
  /** Where the NSS database is made (DATA_DIR). */
  dataDir: string;
  /** Let pdfsig ask the OCSP responder the signer's certificate names. */
  ocsp: boolean;
  limits: ToolLimits;
}

/**
 * Verifies every signature of one PDF, already written to `file` inside the private folder
 * `workDir` (which the caller removes). pdfsig does the cryptography and the chain; this adds
 * what pdfsig 22.12 does not say: the issuer, whether revocation could really be checked, and
 * the chain again without revocation when pdfsig only says "unknown issue".
 */
export async function verifyPdfFile(
  file: string,
  workDir: string,
  settings: VerifierSettings,
  now: Date,
): Promise<PdfSignatureReport> {
  const checkedAt = now.toISOString();
  const trust = await ensureTrustDb(settings.trustAnchorsDir, settings.dataDir, settings.limits);
  const args = ['-nssdir', trust.nssDir, ...(settings.ocsp ? [] : ['-no-ocsp']), file];
  const main = await runTool('pdfsig', args, { cwd: workDir, limits: settings.limits });
  if (main.timedOut) throw new ApiError('pdf_signature_check_failed', { reason: 'timeout' });
  const report = parsePdfsigOutput(main.stdout, main.stderr);
  if (report.kind === 'not_signed') return { status: 'not_signed', outcome: null, signatures: [], checkedAt };
  if (report.kind === 'unreadable' || main.truncated)
    return { status: 'unreadable', outcome: null, signatures: [], checkedAt };

  const certificates = await dumpSignerCertificates(file, workDir, settings.limits);
  const signatures: PdfSignature[] = [];
  for (const [i, sig] of report.signatures.entries()) {
    const cert = certificates[i] ?? null;
    const ocspAnswered =
      settings.ocsp && sig.certificate === 'trusted' && cert !== null && (await anyReachable(cert.ocspUrls));
    const chainWithoutRevocation =
      sig.certificate === 'generic_error' && cert !== null
        ? await checkChain(cert, sig, trust.nssDir, workDir, settings)
        : null;
    const outcome = signatureOutcome(sig, report.signatures, { ocspAnswered, chainWithoutRevocation });
    signatures.push({
      outcome,
      signerName: sig.signerName,
      issuer: cert?.issuer ?? null,
      signingTime: sig.signingTime,
      wholeDocumentSigned: sig.wholeDocument,
      revocationChecked: outcome === 'valid' || outcome === 'revoked',
    });
  }
  return {
    status: 'signed',
    outcome: worstPdfSignatureOutcome(signatures.map((s) => s.outcome)),
    signatures,
    checkedAt,
  };
}

/** `pdfsig -nocert -dump` writes each signature's CMS as `<file>.sig<n>` in its working folder. */
async function dumpSignerCertificates(
  file: string,
  workDir: string,
  limits: ToolLimits,
): Promise<(SignerCertificate | null)[]> {
  const dumpDir = path.join(workDir, 'dump');
  await mkdir(dumpDir, { mode: 0o700 });
  const r = await runTool('pdfsig', ['-nocert', '-dump', file], { cwd: dumpDir, limits });
  const count = Number(/Dumping Signatures:\s*(\d+)/.exec(r.stdout)?.[1] ?? 0);
  const out: (SignerCertificate | null)[] = [];
  for (let i = 0; i < Math.min(count, 50); i++) {
    const blob = await readFile(path.join(dumpDir, `${path.basename(file)}.sig${i}`)).catch(() => null);
    out.push(blob ? readSignerCertificate(blob) : null);
  }
  return out;
}

async function checkChain(
  cert: SignerCertificate,
  sig: PdfsigSignature,
  nssDir: string,
  workDir: string,
  settings: VerifierSettings,
) {
  const dir = path.join(workDir, `chain-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir, { mode: 0o700 });
  const files: string[] = [];
  for (const [i, der] of cert.chain.entries()) {
    const f = path.join(dir, `${i}.der`);
    await writeFile(f, der);
    files.push(f);
  }
  const time = sig.signingTime ? ['-b', vfychainTime(sig.signingTime)] : [];
  const r = await runTool('vfychain', ['-d', nssDir, '-pp', '-u', '4', ...time, ...files], {
    cwd: dir,
    limits: settings.limits,
  });
  return r.timedOut ? 'generic_error' : parseVfychainOutput(r.code, `${r.stdout}\n${r.stderr}`);
}

/**
 * pdfsig cannot say whether the responder answered: NSS's "soft failure" policy lets an
 * unreachable responder pass. So the verifier only counts revocation as checked when the
 * certificate names a responder and that responder answers HTTP now.
 */
async function anyReachable(urls: string[]): Promise<boolean> {
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    // NSS asks OCSP over plain HTTP only.
    if (url.protocol !== 'http:') continue;
    if (await answersHttp(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port) || 80)) return true;
  }
  return false;
}

/** A real request, not a bare connect: a responder that serves one client at a time would wait on a silent one. */
function answersHttp(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write(`GET / HTTP/1.0\r\nHost: ${host}\r\n\r\n`));
    socket.once('data', (chunk: Buffer) => done(chunk.subarray(0, 5).toString('latin1') === 'HTTP/'));
    socket.once('error', () => done(false));
    socket.once('end', () => done(false));
  });
}
