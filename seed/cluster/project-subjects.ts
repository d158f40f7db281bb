import type { Topic } from './activity-catalog';

/**
 * What projects are about. The order is part of the seed: projects draw their subject by index, so
 * a change here changes every project title.
 */
export const PROJECT_SUBJECTS: readonly string[] = [
  'Platformă de telemedicină', 'Digital twin pentru fabrici', 'Academia de securitate cibernetică',
  'Laborator de inteligență artificială', 'Oraș inteligent', 'Cloud guvernamental', 'Mobilitate urbană',
  'Agricultură de precizie', 'Certificare ISO pentru IMM-uri', 'Export software în Nordic', 'Școala de vară pentru programatori',
  'Blockchain în logistică', 'Energie verde și IoT', 'Portal de date deschise', 'Clinică de inovare',
  'Acceleratorul de startup-uri', 'Competențe digitale pentru liceeni', 'Misiune economică în Germania',
  'Centru de calcul de înaltă performanță', 'Transformarea digitală a IMM-urilor',
];

/** The working-group topic a subject belongs to, and the aim its description states. */
const DETAILS: Readonly<Record<string, { topic: Topic; aim: string }>> = {
  'Platformă de telemedicină': { topic: 'healthtech', aim: 'consultații la distanță și monitorizarea pacienților cronici din județ' },
  'Digital twin pentru fabrici': { topic: 'industry', aim: 'modele digitale ale liniilor de producție, pentru mentenanță predictivă' },
  'Academia de securitate cibernetică': { topic: 'cybersecurity', aim: 'formarea a peste 200 de specialiști în securitate cibernetică' },
  'Laborator de inteligență artificială': { topic: 'ai', aim: 'un laborator comun în care firmele și universitatea testează modele de învățare automată' },
  'Oraș inteligent': { topic: 'smart-city', aim: 'senzori, date deschise și servicii digitale pentru administrația locală' },
  'Cloud guvernamental': { topic: 'e-government', aim: 'migrarea serviciilor publice locale într-un cloud sigur și interoperabil' },
  'Mobilitate urbană': { topic: 'mobility', aim: 'planificarea transportului public pe baza datelor de trafic în timp real' },
  'Agricultură de precizie': { topic: 'agritech', aim: 'drone, senzori de sol și analiză de date pentru fermele din regiune' },
  'Certificare ISO pentru IMM-uri': { topic: 'cybersecurity', aim: 'pregătirea IMM-urilor membre pentru certificarea ISO 27001 și ISO 9001' },
  'Export software în Nordic': { topic: 'internationalisation', aim: 'prezentarea ofertei comune a membrilor pe piețele din Suedia, Norvegia și Danemarca' },
  'Școala de vară pentru programatori': { topic: 'education', aim: 'o școală de vară cu stagii plătite la firmele membre' },
  'Blockchain în logistică': { topic: 'industry', aim: 'trasabilitatea mărfurilor între producători, transportatori și vamă' },
  'Energie verde și IoT': { topic: 'green-it', aim: 'monitorizarea consumului de energie în clădiri publice și fabrici' },
  'Portal de date deschise': { topic: 'e-government', aim: 'publicarea seturilor de date ale administrației în formate deschise' },
  'Clinică de inovare': { topic: 'startups', aim: 'consultanță gratuită pentru idei de produs ale membrilor, de la prototip la piață' },
  'Acceleratorul de startup-uri': { topic: 'startups', aim: 'un program de accelerare de șase luni cu mentori din firmele membre' },
  'Competențe digitale pentru liceeni': { topic: 'education', aim: 'cursuri de programare și robotică pentru liceele din regiune' },
  'Misiune economică în Germania': { topic: 'internationalisation', aim: 'întâlniri B2B cu firme germane din industria auto și a mașinilor-unelte' },
  'Centru de calcul de înaltă performanță': { topic: 'ai', aim: 'putere de calcul partajată pentru cercetare și pentru antrenarea modelelor de IA' },
  'Transformarea digitală a IMM-urilor': { topic: 'industry', aim: 'diagnoză digitală și foi de parcurs pentru IMM-urile din industria prelucrătoare' },
};

/** The subject a project title starts with (titles are `<subject> <city> <year>`). */
export function subjectOf(title: string): { topic: Topic; aim: string } | undefined {
  const subject = PROJECT_SUBJECTS.find((candidate) => title.startsWith(`${candidate} `));
  return subject === undefined ? undefined : DETAILS[subject];
}
