// The drawing of Italy's 20 regions (svg-maps, CC BY 4.0) keyed by ISTAT region code.
import italy from '@svg-maps/italy';

/** The drawing names each region in English; the platform speaks ISTAT codes. */
const ISTAT_CODE_BY_MAP_ID: Record<string, string> = {
  piedmont: '01',
  'aosta-valley': '02',
  lombardy: '03',
  'trentino-south-tyrol': '04',
  veneto: '05',
  'friuli-venezia-giulia': '06',
  liguria: '07',
  'emilia-romagna': '08',
  tuscany: '09',
  umbria: '10',
  marche: '11',
  lazio: '12',
  abruzzo: '13',
  molise: '14',
  campania: '15',
  apulia: '16',
  basilicata: '17',
  calabria: '18',
  sicily: '19',
  sardinia: '20',
};

export interface MapRegion {
  code: string;
  path: string;
}

export const MAP_VIEW_BOX = italy.viewBox;

export const MAP_REGIONS: MapRegion[] = italy.locations.map((location) => {
  const code = ISTAT_CODE_BY_MAP_ID[location.id];
  if (!code) throw new Error(`No ISTAT code for the map region ${location.id}`);
  return { code, path: location.path };
});
