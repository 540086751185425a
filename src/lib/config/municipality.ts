// The municipality's configuration as the code reads it. achterom.config.json is checked
// against MunicipalityConfig when the site is built (astro.config.mjs) and by a unit
// test, so here it is only typed: no schema code goes into the browser bundle for it.
// Each part has its own export, so a module names the parts it reads.
import raw from '../../../achterom.config.json' with { type: 'json' };
import type { MunicipalityConfig } from './MunicipalityConfig';

/** The whole file, for the server, the scripts and the tests. */
export const municipality = raw as unknown as MunicipalityConfig;

export const configTeams = municipality.teams;
export const configLocations = municipality.locations;
export const centralTeam = municipality.centralTeam;
export const phone = municipality.phone;
export const crisis = municipality.crisis;
export const quickExitUrl = municipality.quickExitUrl;
export const retention = municipality.retention;
export const configAppointments = municipality.appointments;
export const video = municipality.video;
