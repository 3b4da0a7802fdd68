import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  LockerApplyFlowView,
  LockerPointView,
} from '../../../electron/rpc/flows/locker_apply_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { formatDistance, inLanguage } from './apply_format.js';
import { ApplyFrame } from './apply_frame.js';

type PointStepView = Extract<LockerApplyFlowView, { step: 'point' }>;

/** What a point card says, spoken as it is read: name, distance, hours, and free or full. */
export function pointPrompts(point: LockerPointView, distance: string | null): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `locker-apply:${key}`, values } : { key: `locker-apply:${key}` };
  return [
    p('spoken.name', { name: { text: point.name } }),
    distance === null ? p('point.here') : p('point.distance', { distance }),
    point.unavailable === 'full' ? p('point.full') : p('point.free', { count: point.free }),
  ];
}

/** The Smart Locker points, nearest first; a full one is shown with why, and cannot be chosen. */
export function PointStep({ view, indicator }: { view: PointStepView; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('locker-apply');
  const rpc = useRpc();
  const language = i18n.language;
  return (
    <ApplyFrame step="point" indicator={indicator} title={t('point.title')}>
      <p className="apply__lead">{t('point.lead', { size: t(`point.size.${view.chosen.size}`) })}</p>
      <ol className="apply__points">
        {view.points.map((point) => {
          const full = point.unavailable === 'full';
          const distance =
            point.distanceMetres === null || point.distanceMetres < 50
              ? null
              : formatDistance(point.distanceMetres, language);
          return (
            <li
              key={point.pointId}
              className={`apply__point${full ? ' apply__point--full' : ''}`}
              data-testid={`apply-point-${point.pointId}`}
            >
              <div className="apply__point-text">
                <h2 className="apply__point-name" id={`apply-point-name-${point.pointId}`}>
                  {inLanguage(point.name, language)}
                </h2>
                <p className="apply__point-address">{inLanguage(point.address, language)}</p>
                <p className="apply__point-meta">
                  <span>{distance === null ? t('point.here') : t('point.distance', { distance })}</span>
                  <span>
                    {t('point.hours', { hours: point.hours === '24h' ? t('point.allDay') : point.hours })}
                  </span>
                </p>
                <p
                  className={full ? 'apply__point-full' : 'apply__point-free'}
                  id={`apply-point-state-${point.pointId}`}
                  data-testid={`apply-point-${point.pointId}-${full ? 'full' : 'free'}`}
                >
                  {full ? t('point.full') : t('point.free', { count: point.free })}
                </p>
              </div>
              <button
                type="button"
                className="primary-button"
                disabled={full}
                aria-disabled={full}
                // "Choose" says which point, and whether it has room, to a screen reader landing on it.
                id={`apply-choose-${point.pointId}`}
                aria-labelledby={`apply-choose-${point.pointId} apply-point-name-${point.pointId}`}
                aria-describedby={`apply-point-state-${point.pointId}`}
                data-testid={`apply-choose-${point.pointId}`}
                {...action(pointPrompts(point, distance))}
                onClick={() => void rpc.call('locker-apply.choosePoint', { pointId: point.pointId })}
              >
                {t('point.choose')}
              </button>
            </li>
          );
        })}
      </ol>
    </ApplyFrame>
  );
}
