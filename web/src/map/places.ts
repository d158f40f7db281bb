/**
 * Where the network's towns lie (WGS 84, to a hundredth of a degree), for placing clusters on the
 * map: the founding clusters' cities and Romania's other county seats. A cluster in a town not
 * listed here is named beside the map instead.
 */
const TOWNS: Record<string, [latitude: number, longitude: number]> = {
  'Cluj-Napoca': [46.77, 23.59], Brașov: [45.65, 25.61], Timișoara: [45.75, 21.23], Iași: [47.16, 27.59], Constanța: [44.18, 28.65],
  București: [44.43, 26.1], Craiova: [44.32, 23.8], Galați: [45.44, 28.05], Pitești: [44.86, 24.87],
  Oradea: [47.07, 21.93], Sibiu: [45.79, 24.15], Arad: [46.18, 21.31], Suceava: [47.65, 26.26], Bacău: [46.57, 26.91], Ploiești: [44.94, 26.02],
  'Târgu Mureș': [46.54, 24.56], 'Baia Mare': [47.66, 23.58], 'Alba Iulia': [46.07, 23.58], Brăila: [45.27, 27.96], Deva: [45.88, 22.91],
  'Râmnicu Vâlcea': [45.1, 24.37], 'Satu Mare': [47.79, 22.89], Târgoviște: [44.93, 25.46], Bistrița: [47.13, 24.49], Zalău: [47.19, 23.06],
  'Piatra Neamț': [46.93, 26.37], Botoșani: [47.75, 26.67], Focșani: [45.7, 27.18], Buzău: [45.15, 26.82], Tulcea: [45.18, 28.8],
  'Drobeta-Turnu Severin': [44.63, 22.66], 'Târgu Jiu': [45.04, 23.27], Slatina: [44.43, 24.36], Reșița: [45.3, 21.89],
  'Sfântu Gheorghe': [45.86, 25.79], 'Miercurea Ciuc': [46.36, 25.8], Vaslui: [46.64, 27.73], Alexandria: [43.97, 25.33],
  Giurgiu: [43.9, 25.97], Călărași: [44.2, 27.33], Slobozia: [44.56, 27.36],
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
const BY_KEY = new Map(Object.entries(TOWNS).map(([town, place]) => [fold(town), place]));

/** A town's latitude and longitude, matched ignoring case and diacritics; undefined when not listed. */
export function placeOf(city: string): [number, number] | undefined {
  return BY_KEY.get(fold(city));
}

/** The map's frame: an equirectangular projection at Romania's mean latitude, in SVG units. */
export const FRAME = { west: 20.1, north: 48.4, width: 674, height: 490 } as const;
const X_SCALE = 100 * Math.cos((45.9 * Math.PI) / 180);

/** [longitude, latitude] → [x, y] in the frame. */
export function project(longitude: number, latitude: number): [number, number] {
  return [Math.round((longitude - FRAME.west) * X_SCALE * 10) / 10, Math.round((FRAME.north - latitude) * 100 * 10) / 10];
}

/** The country's outline as one SVG path, from the rings computed at build time. */
export function outlinePath(rings: readonly number[][][]): string {
  return rings.map((ring) => `M${ring.map(([lon, lat]) => project(lon!, lat!).join(',')).join('L')}Z`).join('');
}
