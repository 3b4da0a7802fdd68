import packageJson from '../../package.json' with { type: 'json' };

/** The kiosk software's version (package.json), for the maintenance screen, the heartbeat and support bundles. */
export const appVersion: string = packageJson.version;
