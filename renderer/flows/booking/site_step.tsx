import { useTranslation } from 'react-i18next';
import type { SiteKind } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { BookingFrame } from './booking_frame.js';

/** Macau or Hengqin: the terminal's own site first (a Hengqin terminal starts at Hengqin). */
export function SiteStep({ home }: { home: SiteKind }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  const sites: SiteKind[] = home === 'hengqin' ? ['hengqin', 'macau'] : ['macau', 'hengqin'];
  return (
    <BookingFrame flow="book-appointment" step="site" stage="service" title={t('site.title')}>
      <div className="site-choices">
        {sites.map((site) => (
          <button
            type="button"
            key={site}
            className={`site-choice${site === home ? ' site-choice--home' : ''}`}
            data-testid={`site-${site}`}
            {...action([
              { key: `book-appointment:site.${site}.name` },
              { key: `book-appointment:site.${site}.about` },
            ])}
            onClick={() => void rpc.call('book-appointment.chooseSite', { site })}
          >
            <span className="site-choice__name">{t(`site.${site}.name`)}</span>
            <span className="site-choice__about">{t(`site.${site}.about`)}</span>
            {site === home ? <span className="tag">{t('site.here')}</span> : null}
          </button>
        ))}
      </div>
    </BookingFrame>
  );
}
