/**
 * The word lists behind the entity recogniser. None of them lists names: they hold the common words that
 * surround names in English prose (titles, the head nouns of institutions, words for places and roles),
 * so the recogniser works on any article, not only on the one it was tuned with.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/u).filter((word) => word !== ''));

/** Titles written before a person's name: "Kremlin Spokesperson Dmitry Peskov". */
export const TITLE_WORDS = words(`President Vice Prime Minister Deputy Spokesperson Spokesman Spokeswoman Secretary Chancellor
  Ambassador Senator Governor Mayor General Chairman Chairwoman Chair Director King Queen Prince Princess Pope Sheikh Emir
  Judge Chief Commander Colonel Admiral Marshal Mr Mrs Ms Dr Professor Speaker Premier Envoy Representative Sen Gen Administrator
  Commissioner Minister Councillor Inspector Captain Lieutenant Sergeant Bishop Archbishop Cardinal Rabbi Imam Reverend`);

/** The last word of an institution's name. */
export const ORGANISATION_HEADS = words(`Institute Institution Post Times Service Services Ministry Agency Parliament
  Council Committee Party Bank University College Company Corporation Group Foundation Association Organisation Organization
  Office Department Court Assembly Army Navy Forces News Journal Herald Tribune Gazette Review Press Broadcasting Union
  Commission Fund Centre Center Media Telegraph Monitor Daily Weekly Inc Ltd Airlines Airways Police Guard Bureau
  Congress Senate Cabinet Government Limited Ltd plc PLC LLC Corp Co GmbH AG Incorporated Holdings Systems Network Networks
  Television Broadcasting Communications Pictures Studios Theatres Records Wireless Sports Radio Digital League Club Federation
  Authority Board Trust Society Museum Opera Orchestra Gymnasium School Academy Hospital Church Airport Railway Railways`);

/** Words a company's name may end in without naming a different company (lower case). */
export const LEGAL_SUFFIXES = words('inc incorporated ltd limited plc llc corp corporation co company group holdings gmbh ag');

/** The last word of a place's name. */
export const PLACE_HEADS = words(`Republic Kingdom Emirates Asia Europe Africa America Sea Ocean River Mountains Mountain Island
  Islands Valley Province Region City Strait Gulf Peninsula Oblast Krai Bay Lake Desert Coast Territory Territories Street
  Road Avenue Square Park Lane Boulevard Bridge Tower Springs Town Empire Frontier Heights Hills Beach Harbour Canal County
  State States District Quarter`);

/** Names ending in these are events, which the who's who leaves out. */
export const EVENT_HEADS = words(`War Revolution Crisis Summit Games Olympics Pandemic Agreement Treaty Accords Accord
  Conference Election Elections Cup Championship Festival`);

/** A name opening or ending with one of these is a programme or operation, not an actor: "Project Apollo", "Soyuz Test Project". */
export const PROGRAMME_WORDS = words('Project Program Programme Operation Initiative');

/** Lower-case nouns for works and programmes: "the Apollo program", "such dramas as Gang Busters". */
export const WORK_NOUNS = words(`program programs programme programmes project projects mission missions series show shows
  drama dramas serial serials sitcom sitcoms film films movie movies novel novels album albums song songs game games`);

export const COMPASS_WORDS = words('North South East West Central Middle Northern Southern Eastern Western Upper Lower Greater');

/** Lower-case nouns after a name that make it an institution: "the Sputnik news agency". */
export const ORGANISATION_NOUNS = words(`agency website newspaper outlet channel broadcaster network parliament ministry company
  firm institute university party bank organisation organization group airline carrier magazine daily portal station
  service think-tank council committee union opposition broadcaster chain subsidiary consortium manufacturer operator
  brand studio club league federation charity insurer retailer publisher`);

/** Lower-case nouns after a name that make it a place: "the “Balakan” regions". */
export const PLACE_NOUNS = words(`region regions city cities province provinces village villages district districts border
  borders capital river valley island islands oblast republic territory territories county state country`);

/** Nouns that describe what a person is: "political analyst Arif Yunusov", "Toral Ganjali, a member of …". */
export const ROLE_NOUNS = words(`analyst analysts official officials expert experts journalist journalists minister president
  spokesperson spokesman spokeswoman member members leader leaders brother brothers sister sisters wife husband son
  daughter father mother writer author professor researcher scholar commentator diplomat ambassador politician lawmaker
  deputy senator general commander chief head founder editor correspondent reporter activist citizen citizens
  businessman businesswoman victim victims director chairman adviser advisor envoy representative candidate opponent
  critic lawyer judge prosecutor colonel officer soldier premier governor mayor king queen prince heir successor
  predecessor secretary economist historian blogger dissident`);

/** Verbs that follow a cited source: "Euronews reported that …". */
export const REPORTING_VERBS = words(`reported reports notes noted said says wrote writes claimed claims stated states argued
  argues suggested suggests observed observes added adds told tells estimated estimates warned warns`);

/** Adjective endings of a nationality or region ("Russian", "Turkish", "Azerbaijani", "Western"). */
export const DEMONYM_ENDINGS = ['ians', 'ian', 'ans', 'an', 'anis', 'ani', 'ish', 'ese', 'ern', 'is', 'i'] as const;
