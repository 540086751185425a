// Small fixtures for the attachment tests, made in the test itself: a JPEG with EXIF
// (a GPS position, an orientation and a sentinel description) and a PDF with sentinel
// text. No image library: the JPEG comes from a browser canvas, the EXIF block is written
// here byte by byte (TIFF, big-endian), so the test knows exactly which bytes to look for.

/** GPS latitude 51°55'12.34" N as three TIFF rationals: bytes that exist only in this EXIF block. */
const LATITUDE = [51, 1, 55, 1, 1234, 100];
const LONGITUDE = [4, 1, 24, 1, 5678, 100];

function rationals(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}

/** The GPS latitude as stored in the EXIF block: if these bytes are anywhere, the position leaked. */
export const GPS_LATITUDE_BYTES = rationals(LATITUDE);

/** An APP1 EXIF segment: ImageDescription (the sentinel), Orientation, and a GPS IFD with latitude and longitude. */
export function exifSegment(description: string, orientation: number): Buffer {
  const desc = Buffer.from(`${description}\0`, 'latin1');
  const ifd0Entries = 3;
  const ifd0Size = 2 + ifd0Entries * 12 + 4;
  const gpsEntries = 4;
  const gpsSize = 2 + gpsEntries * 12 + 4;
  const ifd0At = 8;
  const gpsAt = ifd0At + ifd0Size;
  const descAt = gpsAt + gpsSize;
  const latAt = descAt + desc.length;
  const lonAt = latAt + 24;
  const tiff = Buffer.alloc(lonAt + 24);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(0x2a, 2);
  tiff.writeUInt32BE(ifd0At, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: (b: Buffer, o: number) => void) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    value(tiff, at + 8);
  };
  tiff.writeUInt16BE(ifd0Entries, ifd0At);
  entry(ifd0At + 2, 0x010e, 2, desc.length, (b, o) => b.writeUInt32BE(descAt, o));
  entry(ifd0At + 14, 0x0112, 3, 1, (b, o) => b.writeUInt16BE(orientation, o));
  entry(ifd0At + 26, 0x8825, 4, 1, (b, o) => b.writeUInt32BE(gpsAt, o));
  tiff.writeUInt32BE(0, ifd0At + 38);
  tiff.writeUInt16BE(gpsEntries, gpsAt);
  entry(gpsAt + 2, 0x0001, 2, 2, (b, o) => b.write('N\0', o, 'latin1'));
  entry(gpsAt + 14, 0x0002, 5, 3, (b, o) => b.writeUInt32BE(latAt, o));
  entry(gpsAt + 26, 0x0003, 2, 2, (b, o) => b.write('E\0', o, 'latin1'));
  entry(gpsAt + 38, 0x0004, 5, 3, (b, o) => b.writeUInt32BE(lonAt, o));
  tiff.writeUInt32BE(0, gpsAt + 50);
  desc.copy(tiff, descAt);
  rationals(LATITUDE).copy(tiff, latAt);
  rationals(LONGITUDE).copy(tiff, lonAt);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** The JPEG with the EXIF segment put right after its JFIF header (or after SOI). */
export function withExif(jpeg: Buffer, description: string, orientation = 6): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) at = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, at), exifSegment(description, orientation), jpeg.subarray(at)]);
}

/** A small valid PDF with one line of text. */
export function pdfWithText(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
