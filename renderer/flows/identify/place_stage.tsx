import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifyMethod } from '../../../electron/rpc/flows/identify_contract.js';
import { IdentifyMethodIcon } from './identify_icons.js';

/**
 * The first stage: the ways this host accepts, side by side (a document on the reader, the residence permit on the
 * card reader, a Macao One Account QR under the scanner). Nothing to tap: the main process hears the device.
 */
export function PlaceStage({
  methods,
  notice,
}: {
  methods: readonly IdentifyMethod[];
  notice: 'not-me' | 'not-a-one-account-code' | null;
}) {
  const { t } = useTranslation('identify');
  return (
    <>
      {notice ? (
        <p className="notice" role="alert" data-testid="identify-notice">
          {t(`place.notice.${notice}`)}
        </p>
      ) : null}
      <ul className="identify__methods">
        {methods.map((method, index) => (
          <Fragment key={method}>
            {index > 0 ? (
              <li className="identify__or" aria-hidden="true">
                {t('place.or')}
              </li>
            ) : null}
            <li className="identify__method panel" data-testid={`identify-method-${method}`}>
              <IdentifyMethodIcon method={method} />
              <h2>{t(`place.method.${method}.title`)}</h2>
              <p>{t(`place.method.${method}.how`)}</p>
            </li>
          </Fragment>
        ))}
      </ul>
    </>
  );
}
