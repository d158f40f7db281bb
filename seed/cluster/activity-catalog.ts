import { EventKind } from '../../subgraphs/cluster/src/event/event-kind';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';

/**
 * The fixed vocabulary the activity seed draws from. Labels a network-wide dashboard lists side by
 * side (working groups, services, KPIs, job titles) are in English, as clusters publish them;
 * what a cluster writes for its own members (initiatives, events, minutes) is in Romanian.
 * Changing the order of a list changes the generated data.
 */

export type Topic =
  | 'industry' | 'cybersecurity' | 'education' | 'smart-city' | 'internationalisation' | 'healthtech'
  | 'agritech' | 'ai' | 'e-government' | 'startups' | 'green-it' | 'mobility';

export interface WorkingGroupTemplate {
  topic: Topic;
  name: string;
  objective: string;
  /** What its workshops and trainings are about (Romanian, for event titles). */
  eventTopics: readonly string[];
}

export const WORKING_GROUPS: readonly WorkingGroupTemplate[] = [
  { topic: 'industry', name: 'Industry 4.0', objective: 'Connect software companies with the region\u2019s manufacturers on automation, industrial IoT and digital twins, and turn shared needs into joint projects.', eventTopics: ['Mentenanță predictivă în fabrici', 'IoT industrial pentru IMM-uri'] },
  { topic: 'cybersecurity', name: 'Cybersecurity', objective: 'Raise the security maturity of members and local authorities: shared threat intelligence, NIS2 readiness and a pool of trained specialists.', eventTopics: ['Securitate cibernetică pentru IMM-uri', 'Pregătirea pentru directiva NIS2'] },
  { topic: 'education', name: 'HR & Education', objective: 'Grow the local talent pool with universities and high schools: curricula, internships, reskilling and a common employer brand.', eventTopics: ['Recrutare și retenție în IT', 'Stagii de practică cu universitățile'] },
  { topic: 'smart-city', name: 'Smart City', objective: 'Work with the municipality on open data, urban sensors and digital public services that members can build and maintain.', eventTopics: ['Date deschise pentru orașe', 'Servicii publice digitale'] },
  { topic: 'internationalisation', name: 'Internationalisation', objective: 'Open foreign markets to members through joint trade missions, fairs and partnerships with clusters abroad.', eventTopics: ['Export de servicii software', 'Piețele nordice pentru firmele IT'] },
  { topic: 'healthtech', name: 'HealthTech', objective: 'Bring hospitals, medical universities and software companies together on telemedicine, medical data and certified medical software.', eventTopics: ['Telemedicină și dispozitive conectate', 'Software medical certificat'] },
  { topic: 'agritech', name: 'AgriTech', objective: 'Apply sensors, drones and data analysis to the region\u2019s farms together with agricultural universities and cooperatives.', eventTopics: ['Agricultură de precizie', 'Drone și senzori în ferme'] },
  { topic: 'ai', name: 'Artificial Intelligence & Data', objective: 'Share computing resources, datasets and know-how so that members can build AI products and comply with the AI Act.', eventTopics: ['Inteligență artificială în producție', 'Regulamentul european privind IA'] },
  { topic: 'e-government', name: 'eGovernment', objective: 'Help public authorities digitalise: interoperable platforms, cloud migration and innovative public procurement.', eventTopics: ['Achiziții publice inovative', 'Cloud pentru administrația locală'] },
  { topic: 'startups', name: 'Startups & Entrepreneurship', objective: 'Support founders from idea to first customers: mentoring by members, investor meetings and an innovation clinic.', eventTopics: ['De la prototip la primul client', 'Finanțare pentru startup-uri'] },
  { topic: 'green-it', name: 'Green IT & Energy', objective: 'Use digital technology for energy efficiency and help members report on sustainability.', eventTopics: ['Eficiență energetică prin IoT', 'Raportare de sustenabilitate'] },
  { topic: 'mobility', name: 'Mobility & Automotive', objective: 'Join the automotive suppliers and software companies of the region on embedded software, electric mobility and urban transport.', eventTopics: ['Software pentru industria auto', 'Mobilitate electrică'] },
];

export interface ServiceTemplate {
  name: string;
  description: string;
  marketPriceEur: number;
  notes: readonly string[];
}

export const SERVICES: readonly ServiceTemplate[] = [
  { name: 'GDPR compliance audit', description: 'Audit of personal-data processing, records and contracts, with a remediation plan, by the cluster\u2019s partner law firm.', marketPriceEur: 4000, notes: ['Audit of the customer portal and the HR records', 'Review of the processing register after a new CRM', 'Data-protection impact assessment for a mobile app'] },
  { name: 'EU funding consultancy', description: 'Eligibility check, partner search and proposal writing for Horizon Europe, Digital Europe and regional programmes.', marketPriceEur: 6000, notes: ['Horizon Europe proposal, cluster 4', 'Regional programme call for SME digitalisation', 'Partner search for a Digital Europe call'] },
  { name: 'Recruitment & HR support', description: 'Shortlisting of candidates from the members\u2019 and universities\u2019 network, salary benchmarks and employer-branding advice.', marketPriceEur: 3000, notes: ['Two senior Java developers', 'A QA lead with automotive experience', 'Salary benchmark for data engineers'] },
  { name: 'Market study', description: 'Desk and field research on a target market or sector, with a shortlist of prospects.', marketPriceEur: 5000, notes: ['IT services demand in the DACH region', 'Healthcare software buyers in the Nordics', 'Public procurement of software in Romania'] },
  { name: 'Legal assistance', description: 'Contracts, intellectual property and labour-law questions answered by the cluster\u2019s partner lawyers.', marketPriceEur: 2500, notes: ['Software licence agreement with a foreign client', 'IP clauses for a joint project', 'Remote-work contracts'] },
  { name: 'Training programmes', description: 'Courses for members\u2019 staff (agile, project management, cloud, leadership), taught by trainers from member companies.', marketPriceEur: 1500, notes: ['Scrum training for two teams', 'Leadership course for new team leads', 'AWS certification preparation'] },
  { name: 'ISO 27001 readiness', description: 'Gap analysis, policies and internal audit that prepare a member for ISO 27001 certification.', marketPriceEur: 7000, notes: ['Gap analysis before certification', 'Internal audit ahead of the surveillance audit'] },
  { name: 'Export promotion package', description: 'Participation in a joint stand at an international fair, with matchmaking meetings arranged by the cluster.', marketPriceEur: 3500, notes: ['Joint stand at Hannover Messe', 'Matchmaking at Web Summit', 'B2B meetings during the trade mission'] },
];

export interface KpiTemplate {
  /** What the generator measures it from; `none` when nothing in the data measures it. */
  measure: 'newMembers' | 'events' | 'projects' | 'participants' | 'serviceRevenue' | 'requests' | 'none';
  name: string;
  unit: string;
  /** Target range when nothing in the data measures it. */
  range?: { min: number; max: number; step: number };
}

export const KPIS: readonly KpiTemplate[] = [
  { measure: 'newMembers', name: 'New members recruited', unit: 'members' },
  { measure: 'events', name: 'Events held', unit: 'events' },
  { measure: 'none', name: 'EU funding attracted', unit: 'EUR', range: { min: 150_000, max: 1_500_000, step: 10_000 } },
  { measure: 'serviceRevenue', name: 'Service revenue', unit: 'EUR' },
  { measure: 'projects', name: 'Projects started', unit: 'projects' },
  { measure: 'participants', name: 'Event participants', unit: 'participants' },
  { measure: 'requests', name: 'Service requests delivered', unit: 'requests' },
  { measure: 'none', name: 'Membership fees collected', unit: 'percent', range: { min: 85, max: 98, step: 1 } },
];

/** Job titles of a member's representative, by kind of member. */
export const REPRESENTATIVE_TITLES: Readonly<Record<MemberKind, readonly string[]>> = {
  [MemberKind.STARTUP]: ['CEO', 'Co-founder & CEO', 'Founder', 'CTO'],
  [MemberKind.SME]: ['CEO', 'Managing Director', 'General Manager', 'Owner & CEO', 'Business Development Director'],
  [MemberKind.LARGE_ENTERPRISE]: ['CEO', 'Country Manager', 'Managing Director', 'Head of Innovation'],
  [MemberKind.UNIVERSITY]: ['Rector', 'Vice-Rector for Research', 'Dean, Faculty of Automation and Computers'],
  [MemberKind.RESEARCH_INSTITUTE]: ['Director General', 'Scientific Director'],
  [MemberKind.PUBLIC_AUTHORITY]: ['Deputy Mayor', 'Director, Economic Development', 'Head of Digitalisation'],
  [MemberKind.CATALYST]: ['President', 'Executive Director', 'Programme Manager'],
  [MemberKind.COMMUNITY]: ['President', 'Founder', 'Community Lead'],
};

/** Further people members list in the directory. */
export const OTHER_TITLES: Readonly<Record<'company' | 'academia' | 'organisation', readonly string[]>> = {
  company: ['CTO', 'HR Manager', 'Project Manager', 'Business Development Manager', 'Marketing Manager', 'Software Architect', 'Head of R&D'],
  academia: ['Professor', 'Research Project Manager', 'Head of Technology Transfer Office', 'Associate Professor'],
  organisation: ['Project Manager', 'Communication Officer', 'Programme Coordinator'],
};

export const STAFF_TITLES: readonly string[] = ['Project Manager', 'Communication Officer', 'Financial Officer', 'EU Funding Specialist', 'Events Coordinator', 'Office Manager'];

/** Member fees in EUR a year, set by the General Assembly by kind and size. */
export function annualFee(kind: MemberKind, employees: number): number {
  switch (kind) {
    case MemberKind.STARTUP:
      return 300;
    case MemberKind.SME:
      return employees < 10 ? 600 : employees < 50 ? 900 : 1500;
    case MemberKind.LARGE_ENTERPRISE:
      return employees < 400 ? 3000 : employees < 600 ? 4000 : 5000;
    case MemberKind.UNIVERSITY:
    case MemberKind.RESEARCH_INSTITUTE:
    case MemberKind.PUBLIC_AUTHORITY:
      return 1000;
    case MemberKind.CATALYST:
      return 500;
    case MemberKind.COMMUNITY:
      return 100;
  }
}

/** What a person-day of a member's staff is valued at in an engagement, in EUR. */
export function dayRate(kind: MemberKind): number {
  switch (kind) {
    case MemberKind.LARGE_ENTERPRISE:
      return 450;
    case MemberKind.SME:
      return 350;
    case MemberKind.STARTUP:
    case MemberKind.RESEARCH_INSTITUTE:
      return 300;
    case MemberKind.UNIVERSITY:
      return 250;
    case MemberKind.PUBLIC_AUTHORITY:
    case MemberKind.CATALYST:
      return 200;
    case MemberKind.COMMUNITY:
      return 150;
  }
}

export const EVENT_KIND_WEIGHTS: ReadonlyArray<{ value: EventKind; weight: number }> = [
  { value: EventKind.WORKSHOP, weight: 3 },
  { value: EventKind.TRAINING, weight: 2 },
  { value: EventKind.CONFERENCE, weight: 2 },
  { value: EventKind.MATCHMAKING, weight: 2 },
  { value: EventKind.TRADE_MISSION, weight: 1 },
];

export const EVENT_CAPACITY: Readonly<Record<EventKind, { min: number; max: number }>> = {
  [EventKind.CONFERENCE]: { min: 150, max: 500 },
  [EventKind.WORKSHOP]: { min: 20, max: 60 },
  [EventKind.TRAINING]: { min: 20, max: 40 },
  [EventKind.MATCHMAKING]: { min: 40, max: 150 },
  [EventKind.TRADE_MISSION]: { min: 20, max: 60 },
};

/** Topics of events not tied to a working group (Romanian). */
export const GENERAL_EVENT_TOPICS: Readonly<Record<EventKind, readonly string[]>> = {
  [EventKind.CONFERENCE]: ['Viitorul digital al regiunii', 'Inovare și competitivitate', 'Tehnologie pentru comunitate'],
  [EventKind.WORKSHOP]: ['Finanțări europene 2021–2027', 'GDPR în practică', 'Design thinking', 'Cloud și DevOps'],
  [EventKind.TRAINING]: ['Managementul proiectelor Agile', 'Leadership pentru manageri tehnici', 'Testare automată', 'Vânzări B2B în IT'],
  [EventKind.MATCHMAKING]: ['IT și industria auto', 'IT și sănătate', 'Startup-uri și investitori', 'IT și administrația publică'],
  [EventKind.TRADE_MISSION]: ['Bavaria', 'Flandra', 'Țările Nordice', 'Republica Moldova', 'Baden-Württemberg', 'Olanda'],
};

export interface InitiativeSubject {
  title: string;
  /** Why it is brought to the board: the description's second sentence. */
  why: string;
  topic?: Topic;
}

export const INITIATIVE_SUBJECTS: readonly InitiativeSubject[] = [
  { title: 'Program de mentorat pentru startup-uri', why: 'Fondatorii noi cer acces la experiența firmelor mature.', topic: 'startups' },
  { title: 'Stand comun la Hannover Messe', why: 'Un stand comun costă fiecărui membru de trei ori mai puțin decât unul propriu.', topic: 'internationalisation' },
  { title: 'Stand comun la Web Summit Lisabona', why: 'Membrii vor întâlniri cu investitori și clienți din Europa de Vest.', topic: 'internationalisation' },
  { title: 'Parteneriat cu liceele tehnologice pentru stagii de practică', why: 'Firmele nu găsesc destui absolvenți pregătiți pentru posturi de junior.', topic: 'education' },
  { title: 'Ghid de bune practici GDPR pentru membri', why: 'Mai mulți membri au primit întrebări de la clienți privind prelucrarea datelor.', topic: 'cybersecurity' },
  { title: 'Platformă internă de anunțuri de colaborare', why: 'Membrii află prea târziu de oportunitățile de parteneriat ale celorlalți.' },
  { title: 'Fond comun de cofinanțare pentru proiecte europene', why: 'IMM-urile renunță la apeluri din lipsa cofinanțării.' },
  { title: 'Barometrul anual al industriei IT din regiune', why: 'Autoritățile și investitorii cer date actuale despre sector.' },
  { title: 'Campanie de atragere a specialiștilor din diaspora', why: 'Deficitul de specialiști seniori limitează creșterea membrilor.', topic: 'education' },
  { title: 'Acord de colaborare cu Camera de Comerț', why: 'Evenimentele și misiunile economice comune ar ajunge la mai multe firme.' },
  { title: 'Hackathon pentru administrația locală', why: 'Primăria caută soluții rapide pentru servicii digitale.', topic: 'smart-city' },
  { title: 'Program de burse pentru studenții la informatică', why: 'Firmele membre vor să-și formeze din timp viitorii angajați.', topic: 'education' },
  { title: 'Revizuirea grilei de cotizații', why: 'Grila actuală nu mai reflectă mărimea și numărul membrilor.' },
  { title: 'Catalog online al competențelor membrilor', why: 'Clienții străini cer o imagine de ansamblu a ofertei clusterului.', topic: 'internationalisation' },
  { title: 'Centru de testare pentru produse IoT', why: 'Testarea în laboratoare externe întârzie lansarea produselor.', topic: 'industry' },
  { title: 'Înscrierea în platforma europeană ECCP', why: 'Vizibilitatea europeană ajută la găsirea partenerilor de proiect.', topic: 'internationalisation' },
  { title: 'Obținerea etichetei de management ESCA Silver', why: 'Eticheta este cerută în mai multe apeluri de finanțare pentru clustere.' },
  { title: 'Ghid pentru achiziții publice inovative', why: 'Autoritățile membre vor să cumpere soluții noi fără riscuri juridice.', topic: 'e-government' },
  { title: 'Program de reconversie profesională în IT', why: 'Mulți candidați din alte domenii cer un traseu clar spre primul job în IT.', topic: 'education' },
  { title: 'Memorandum cu universitatea pentru doctorate industriale', why: 'Cercetarea aplicată ar răspunde direct problemelor firmelor.', topic: 'ai' },
  { title: 'Birou comun de transfer tehnologic', why: 'Rezultatele cercetării universitare ajung rar în produse.', topic: 'startups' },
  { title: 'Misiune de prospectare în Republica Moldova', why: 'Piața din Republica Moldova caută furnizori de servicii IT în limba română.', topic: 'internationalisation' },
  { title: 'Ghișeu unic pentru finanțări PNRR', why: 'Membrii se pierd printre apelurile și termenele PNRR.' },
  { title: 'Rețea de mentori voluntari din firmele membre', why: 'Mai mulți seniori s-au oferit să îndrume echipe tinere.', topic: 'startups' },
  { title: 'Politică de diversitate și incluziune', why: 'Clienții internaționali cer angajamente privind diversitatea.', topic: 'education' },
  { title: 'Bibliotecă de componente open-source comune', why: 'Mai mulți membri dezvoltă aceleași componente de bază.' },
  { title: 'Evaluarea maturității digitale a IMM-urilor', why: 'Firmele din industria prelucrătoare nu știu de unde să înceapă digitalizarea.', topic: 'industry' },
  { title: 'Parteneriat cu Agenția pentru Dezvoltare Regională', why: 'Programul regional finanțează exact proiectele pe care le pregătesc membrii.' },
  { title: 'Spațiu de coworking pentru membrii noi', why: 'Startup-urile au nevoie de un birou ieftin aproape de ceilalți membri.', topic: 'startups' },
  { title: 'Întâlnire lunară a directorilor tehnici', why: 'Directorii tehnici vor să-și împărtășească experiența fără intermediari.' },
  { title: 'Campanie de promovare a regiunii ca destinație IT', why: 'Investitorii străini nu cunosc regiunea.', topic: 'internationalisation' },
  { title: 'Cod de etică în recrutare între membri', why: 'Membrii s-au plâns de recrutarea agresivă a angajaților unii altora.', topic: 'education' },
  { title: 'Achiziție comună de licențe software', why: 'Prețurile negociate pentru volum mare ar scădea costurile membrilor.' },
  { title: 'Internship de vară pentru liceeni', why: 'Liceenii aleg facultatea fără să fi văzut vreodată o firmă de IT.', topic: 'education' },
  { title: 'Calendar comun de evenimente al rețelei IT-RO', why: 'Evenimentele clusterelor se suprapun și își împart publicul.' },
  { title: 'Studiu privind salariile din industria IT', why: 'Membrii au nevoie de repere pentru politica salarială.' },
  { title: 'Proiect-pilot de digitalizare a fermelor mici', why: 'Cooperativele agricole au cerut sprijin pentru evidența digitală.', topic: 'agritech' },
  { title: 'Laborator de securitate cibernetică pentru primării', why: 'Primăriile mici nu au specialiști în securitate.', topic: 'cybersecurity' },
  { title: 'Raport de sustenabilitate al clusterului', why: 'Finanțatorii cer tot mai des indicatori de mediu și sociali.', topic: 'green-it' },
  { title: 'Set de date deschise despre mobilitatea urbană', why: 'Firmele care dezvoltă aplicații de transport nu au acces la date.', topic: 'mobility' },
];

/** What a participant puts into a project in its preparation phase (Romanian). */
export const ENGAGEMENT_RESOURCES: Readonly<Record<'company' | 'academia' | 'organisation', readonly string[]>> = {
  company: ['dezvoltatori și un manager de proiect', 'arhitect software și echipă de testare', 'licențe și infrastructură cloud', 'echipă de analiză de date', 'consultanți de business și un analist'],
  academia: ['cercetători și doctoranzi', 'acces la laborator și echipamente', 'studenți în stagiu și un coordonator științific'],
  organisation: ['spații pentru evenimente și comunicare', 'acces la rețeaua de contacte și promovare', 'personal pentru coordonare administrativă'],
};
