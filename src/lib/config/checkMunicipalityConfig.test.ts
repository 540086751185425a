import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMunicipalityConfig } from './checkMunicipalityConfig';

const shipped = () => JSON.parse(readFileSync(new URL('../../../achterom.config.json', import.meta.url), 'utf8'));

function problemsAfter(change: (config: any) => void): string[] {
  const config = shipped();
  change(config);
  const result = checkMunicipalityConfig(config);
  return result.ok ? [] : result.problems;
}

describe('checkMunicipalityConfig', () => {
  it('accepts the Schiedam example as shipped', () => {
    const result = checkMunicipalityConfig(shipped());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names the field of each problem in the file', () => {
    expect(
      problemsAfter((c) => {
        c.locations[1].address = ' ';
        delete c.locations[0].backEntrance.pl;
        c.retention.closedDays = '90';
        c.video.urlTemplate = 'https://beeldbellen.example.nl/';
        c.phone.tel = '010 246 5000';
        c.teams[0].nieghbourhoods = [];
        delete c.quickExitUrl;
      }),
    ).toEqual(
      expect.arrayContaining([
        'locations[1].address: must not be empty',
        'locations[0].backEntrance.pl: is missing',
        'retention.closedDays: must be a number of days',
        'video.urlTemplate: must contain {room} where the room id goes',
        expect.stringMatching(/^phone\.tel: must be digits only/),
        'teams[0].nieghbourhoods: is not a known setting (a typing error?)',
        'quickExitUrl: is missing',
      ]),
    );
  });

  it('finds ids used twice and a central team that does not exist', () => {
    expect(
      problemsAfter((c) => {
        c.teams[2].id = 'centrum-oost';
        c.teams[1].neighbourhoods[0].id = 'centrum';
        c.centralTeam = 'stad';
      }),
    ).toEqual([
      'teams[1].neighbourhoods[0].id: neighbourhood id "centrum" is already used at teams[0].neighbourhoods[0].id',
      'teams[2].id: team id "centrum-oost" is already used at teams[0].id',
      // the renamed team's location now belongs to no team
      'locations[2].team: "woudhoek-kethel-spaland" is not one of the teams',
      'centralTeam: "stad" is not one of the teams',
    ]);
  });

  it('wants a location for back-entrance appointments and sane flood budgets', () => {
    expect(
      problemsAfter((c) => {
        c.locations = c.locations.filter((l: { team: string }) => l.team !== 'centraal');
        c.locations[0].team = 'wot-mars';
        c.teams[0].budgets = { case: { perHour: 30, closeAtPerHour: 10, perDay: 100 } };
      }),
    ).toEqual(['teams[0].budgets.case: closeAtPerHour must be at least perHour']);
    expect(problemsAfter((c) => (c.locations = c.locations.filter((l: { team: string }) => l.team !== 'centraal')))).toEqual(['locations: team "centraal" needs a location for appointments at the back entrance']);
    expect(problemsAfter((c) => (c.locations[0].team = 'wot-mars'))).toEqual(expect.arrayContaining(['locations[0].team: "wot-mars" is not one of the teams']));
  });
});
