import { decode as decodePng } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFaceImageDecoder } from '../../devices/document/face_image/face_image_decoder.js';
import { faceImageForDisplay } from '../../devices/document/face_image/face_image_for_display.js';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { emrtdSampleCard, simulatorTrustAnchor } from '../../devices/document/simulated_documents.js';
import { readFaceImageFixture } from './face_image_fixtures.js';
import { NOW, utopiaChip } from './icao_fixtures.js';

afterAll(() => sharedFaceImageDecoder().close());

// The 'passport-td3' sample: document number L898902C3, born 1974-08-12, expires 2012-04-15.
const SAMPLE_BAC_INPUT = { documentNumber: 'L898902C3', birthDate: '740812', expiryDate: '120415' } as const;

describe('a simulated passport face, read over BAC, on screen', () => {
  it('the dev-dock passport sample DG2 JPEG becomes a displayable JPEG of the size DG2 declares', async () => {
    const card = await emrtdSampleCard('passport-td3');
    const result = await readEmrtd(new DirectCardChannel(card), SAMPLE_BAC_INPUT, {
      trustStore: [await simulatorTrustAnchor()],
      dataGroups: [1, 2],
      now: new Date(),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.passiveAuthentication.status).toBe('verified');
    const face = result.value.faceImage;
    if (face === undefined) throw new Error('no DG2 face');
    const shown = await faceImageForDisplay(face);
    if (!shown.ok) throw new Error(JSON.stringify(shown.error));
    expect(shown.value.mimeType).toBe('image/jpeg');
    expect([shown.value.width, shown.value.height]).toEqual([face.width, face.height]);
    expect([face.width, face.height]).toEqual([240, 320]);
  });

  it('a chip carrying a JP2 face is shown as a PNG of the size DG2 declares', async () => {
    const jp2 = readFaceImageFixture('portrait_rgb_96x128.jp2');
    const { chip } = await utopiaChip({ face: { bytes: jp2, width: 96, height: 128, format: 'jpeg2000' } });
    const result = await readEmrtd(
      new DirectCardChannel(chip),
      { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' },
      { trustStore: [], dataGroups: [2], now: NOW },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const face = result.value.faceImage;
    if (face === undefined) throw new Error('no DG2 face');
    expect(face.format).toBe('jpeg2000');
    const shown = await faceImageForDisplay(face);
    if (!shown.ok) throw new Error(JSON.stringify(shown.error));
    expect(shown.value.mimeType).toBe('image/png');
    const png = decodePng(shown.value.bytes);
    expect([png.width, png.height, shown.value.width, shown.value.height]).toEqual([
      96,
      128,
      face.width,
      face.height,
    ]);
  });
});
