/**
 * The A4 test page staff print from maintenance (`balcao printer test-page`): margins frame, a 1 cm grid to check
 * scaling, Portuguese accents (the built-in Helvetica covers WinAnsi, so no font file is needed), and the time
 * printed, so a page left in the tray is not mistaken for a new one. Made with pdfkit, like the kiosk's documents.
 */
import PDFDocument from 'pdfkit';

const MM = 72 / 25.4;

export function buildTestPagePdf(now: Date = new Date()): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 20 * MM,
      info: { Title: 'Balcão test page', Producer: 'Balcão' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);

    const width = doc.page.width;
    const height = doc.page.height;
    // 10 mm margin frame: if any edge is missing the printer is clipping.
    doc
      .lineWidth(1)
      .rect(10 * MM, 10 * MM, width - 20 * MM, height - 20 * MM)
      .stroke();
    doc.lineWidth(0.25).strokeColor('#888888');
    for (let x = 20 * MM; x < width - 20 * MM; x += 10 * MM)
      doc
        .moveTo(x, 150 * MM)
        .lineTo(x, 250 * MM)
        .stroke();
    for (let y = 150 * MM; y <= 250 * MM; y += 10 * MM)
      doc
        .moveTo(20 * MM, y)
        .lineTo(width - 20 * MM, y)
        .stroke();
    doc.strokeColor('black');

    doc
      .font('Helvetica-Bold')
      .fontSize(24)
      .text('Balcão — página de teste', 20 * MM, 25 * MM);
    doc.font('Helvetica').fontSize(12).moveDown();
    doc.text('A4 test page / Página de teste A4');
    doc.text(`Impresso em / Printed at: ${now.toISOString().replace('T', ' ').slice(0, 19)} UTC`);
    doc.moveDown();
    doc.text('Acentos: Ação, informação, pão, cão — ÁÂÃÀÇÉÊÍÓÔÕÚ áâãàçéêíóôõú');
    doc.text('The grid below has 10 mm squares; the frame sits 10 mm from every edge.');
    doc.end();
  });
}
