import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fetchBounded } from './http-fetch';

export type OcspAnswer = 'good' | 'revoked' | null;

const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * RFC 6960 over http POST: asks the responder named in the certificate about it. Only a response
 * signed by the issuer (or a responder it delegated with id-kp-OCSPSigning) and current at `now`
 * counts; anything else is no answer, never "good".
 */
export async function askOcsp(
  url: string,
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  now: Date,
  options: { timeoutMs: number; maxBytes: number },
): Promise<OcspAnswer> {
  try {
    const request = new pkijs.OCSPRequest();
    await request.createForCertificate(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
    const body = request.toSchema(true).toBER(false);
    const bytes = await fetchBounded(url, {
      ...options,
      method: 'POST',
      body,
      contentType: 'application/ocsp-request',
    });
    if (!bytes) return null;
    const response = pkijs.OCSPResponse.fromBER(bytes);
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return null;
    if (response.responseBytes.responseType !== OCSP_BASIC) return null;
    const basic = new pkijs.BasicOCSPResponse({
      schema: asn1js.fromBER(response.responseBytes.response.getValue()).result,
    });
    if (!(await basic.verify({ trustedCerts: [issuer], issuerCerts: [issuer] }))) return null;
    const current = basic.tbsResponseData.responses.every(
      (r) =>
        r.thisUpdate.getTime() <= now.getTime() + CLOCK_SKEW_MS && (!r.nextUpdate || r.nextUpdate >= now),
    );
    if (!current) return null;
    const status = await basic.getCertificateStatus(cert, issuer);
    if (!status.isForCertificate) return null;
    if (status.status === 0) return 'good';
    if (status.status === 1) return 'revoked';
    return null;
  } catch {
    return null;
  }
}
