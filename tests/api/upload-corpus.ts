/**
 * The upload corpus of goal D4, generated in memory: real files of every accepted type, and
 * files that must be refused (renamed executables, HTML, SVG with script, PDFs with JavaScript
 * or launch actions, PDF/HTML polyglots, EICAR, archive bombs, links and climbing names inside
 * zips), each under names that try paths, bidi overrides, NUL, 255+ characters.
 */
import { deflateSync } from 'node:zlib';
import { tinyPdf } from './support/pledge.js';
import { docxOf, ofdOf, zipOf } from '../support/zip.js';

export interface Sample {
  label: string;
  name: string;
  content: Buffer;
  /** The material it is uploaded for (of the pledge item unless `itemId` says otherwise). */
  materialKey: string;
  itemId?: string;
  /** The media type it must be stored as when accepted; undefined when it must be refused. */
  accepted?: string;
}

const pdf = (): Buffer => Buffer.from(tinyPdf('x.pdf').content as Uint8Array);

/** A PDF with `extra` objects before its end, e.g. an action. */
function pdfWith(extra: string): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A PDF whose JavaScript action hides in a compressed object stream. */
function pdfWithHiddenScript(): Buffer {
  const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ' + hidden.length + ' >>\nstream\n', 'latin1'),
    hidden,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

const png = (): Buffer =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.from('0000000a49444154789c636000000002000185d4ef5d0000000049454e44ae426082', 'hex')]);
const jpg = (): Buffer => Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '01'.repeat(64) + 'ffd9', 'hex');
const gif = (): Buffer => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const exe = (): Buffer => {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
};
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const bomb = (): Buffer => zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>' }, { name: 'Doc_0/zeros.bin', data: Buffer.alloc(20 * 1024 * 1024) }]);

/** One content, its file name's extension, and whether (and as what) it is accepted. */
const contents: Array<Omit<Sample, 'name'> & { extension: string }> = [
  { label: 'real PDF', extension: 'pdf', content: pdf(), materialKey: 'applicationForm', accepted: 'application/pdf' },
  { label: 'real PNG', extension: 'png', content: png(), materialKey: 'applicationForm', accepted: 'image/png' },
  { label: 'real JPEG', extension: 'jpg', content: jpg(), materialKey: 'applicationForm', accepted: 'image/jpeg' },
  { label: 'real OFD', extension: 'ofd', content: ofdOf(), materialKey: 'applicationForm', accepted: 'application/ofd' },
  { label: 'real DOCX', extension: 'docx', content: docxOf(), materialKey: 'demandAttachment', itemId: 'va-ip-agency', accepted: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { label: 'exe renamed .pdf', extension: 'pdf', content: exe(), materialKey: 'applicationForm' },
  { label: 'exe renamed .jpg', extension: 'jpg', content: exe(), materialKey: 'applicationForm' },
  { label: 'exe as .exe', extension: 'exe', content: exe(), materialKey: 'applicationForm' },
  { label: 'HTML renamed .pdf', extension: 'pdf', content: Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>'), materialKey: 'applicationForm' },
  { label: 'HTML as .html', extension: 'html', content: Buffer.from('<html><body onload="alert(1)"></body></html>'), materialKey: 'applicationForm' },
  { label: 'SVG with script as .svg', extension: 'svg', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), materialKey: 'applicationForm' },
  { label: 'SVG with script renamed .png', extension: 'png', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), materialKey: 'applicationForm' },
  { label: 'PDF with /JavaScript open action', extension: 'pdf', content: pdfWith('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), materialKey: 'applicationForm' },
  { label: 'PDF with a #-escaped /J#61vaScript', extension: 'pdf', content: pdfWith('/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>'), materialKey: 'applicationForm' },
  { label: 'PDF with JavaScript in an object stream', extension: 'pdf', content: pdfWithHiddenScript(), materialKey: 'applicationForm' },
  { label: 'PDF with a /Launch action', extension: 'pdf', content: pdfWith('/OpenAction << /S /Launch /F (cmd.exe) >>'), materialKey: 'applicationForm' },
  { label: 'PDF with an embedded file', extension: 'pdf', content: pdfWith('/Names << /EmbeddedFiles << /Names [(a.exe) 3 0 R] >> >>'), materialKey: 'applicationForm' },
  { label: 'PDF/HTML polyglot', extension: 'pdf', content: Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')]), materialKey: 'applicationForm' },
  { label: 'EICAR renamed .pdf', extension: 'pdf', content: Buffer.from(EICAR), materialKey: 'applicationForm' },
  { label: 'empty .pdf', extension: 'pdf', content: Buffer.alloc(0), materialKey: 'applicationForm' },
  { label: 'GIF renamed .png', extension: 'png', content: gif(), materialKey: 'applicationForm' },
  { label: 'PNG renamed .jpg', extension: 'jpg', content: png(), materialKey: 'applicationForm' },
  { label: 'zip bomb as .ofd (20 MB of zeros)', extension: 'ofd', content: bomb(), materialKey: 'applicationForm' },
  { label: 'zip declaring 5 GB as .ofd', extension: 'ofd', content: zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>', declaredSize: 0xfffffff0 }, { name: 'b', data: 'x', declaredSize: 0xfffffff0 }]), materialKey: 'applicationForm' },
  { label: 'OFD with a symbolic link', extension: 'ofd', content: zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>' }, { name: 'Doc_0/link', data: '/etc/passwd', isSymlink: true, isStored: true }]), materialKey: 'applicationForm' },
  { label: 'OFD with ../ entry', extension: 'ofd', content: zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>' }, { name: '../../evil.sh', data: 'rm -rf /' }]), materialKey: 'applicationForm' },
  { label: 'OFD with ..\\ entry', extension: 'ofd', content: zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>' }, { name: '..\\..\\evil.bat', data: 'del *' }]), materialKey: 'applicationForm' },
  { label: 'OFD with absolute entry', extension: 'ofd', content: zipOf([{ name: 'OFD.xml', data: '<ofd:OFD/>' }, { name: '/etc/cron.d/x', data: '* * * * * root sh' }]), materialKey: 'applicationForm' },
  { label: 'plain zip renamed .ofd', extension: 'ofd', content: zipOf([{ name: 'readme.txt', data: 'hello' }]), materialKey: 'applicationForm' },
  { label: 'DOCX bomb', extension: 'docx', content: zipOf([{ name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]), materialKey: 'demandAttachment', itemId: 'va-ip-agency' },
];

/** Names that try the path, the display and the length; each keeps the sample's extension. */
const nameDecorations: Array<{ label: string; decorate: (base: string) => string }> = [
  { label: 'plain', decorate: (base) => base },
  { label: 'Chinese', decorate: (base) => `专利权质押（最终版）${base}` },
  { label: '../ traversal', decorate: (base) => `../../../../tmp/${base}` },
  { label: '..\\ traversal', decorate: (base) => `..\\..\\..\\Windows\\${base}` },
  { label: 'absolute path', decorate: (base) => `/etc/cron.d/${base}` },
  { label: 'RTL override', decorate: (base) => `invoice\u202Egnp.${base}` },
  { label: '255+ characters', decorate: (base) => `${'长'.repeat(150)}${'a'.repeat(150)}${base}` },
  { label: 'NUL', decorate: (base) => `a\u0000b${base}` },
];

/** Every content under every name: the corpus. */
export const corpus: Sample[] = contents.flatMap(({ extension, ...content }) =>
  nameDecorations.map(({ label, decorate }) => ({ ...content, label: `${content.label}, ${label} name`, name: decorate(`file.${extension}`) })),
);

/** Double extensions: the last one counts, so an executable ending never passes as a document. */
corpus.push(
  { label: 'PDF named .pdf.exe', name: '合同.pdf.exe', content: pdf(), materialKey: 'applicationForm' },
  { label: 'PDF named .exe.pdf', name: '合同.exe.pdf', content: pdf(), materialKey: 'applicationForm', accepted: 'application/pdf' },
  { label: 'exe named .pdf.exe', name: 'scan.pdf.exe', content: exe(), materialKey: 'applicationForm' },
  { label: 'PDF named .pdf. (trailing dot)', name: 'scan.pdf.', content: pdf(), materialKey: 'applicationForm' },
);
