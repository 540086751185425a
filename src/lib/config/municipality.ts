// The municipality's configuration as the code reads it. achterom.config.json is checked
// against MunicipalityConfig when the site is built (astro.config.mjs) and by a unit
// test, so here it is only typed: no schema code goes into the browser bundle for it.
import raw from '../../../achterom.config.json' with { type: 'json' };
import type { MunicipalityConfig } from './MunicipalityConfig';

export const municipality = raw as unknown as MunicipalityConfig;
