import type { Lesson } from './types.ts';

/** The three regions of two-hubs' bottom income quartile (Sahelia, Kalinda, Kirana). */
const POOREST = { incomeQuartiles: [1] };

/**
 * Infrastructure with and without training (MODEL.md P7): the scenario spends the whole budget on
 * digital infrastructure in the poorest regions; the class then splits the same budget between
 * infrastructure and training linked to it, and compares the digital divide.
 */
export const connectTheUnconnected: Lesson = {
  id: 'connect-the-unconnected',
  title: {
    en: 'Connect the unconnected: infrastructure with and without training',
    fr: 'Connecter les non-connectés : des infrastructures avec ou sans formation',
    es: 'Conectar a los no conectados: infraestructura con y sin formación',
  },
  summary: {
    en: 'Governments of the poorest regions spend their programme on digital infrastructure. Does access alone close the digital divide, or do people also need the skills to use it?',
    fr: 'Les gouvernements des régions les plus pauvres consacrent leur programme aux infrastructures numériques. L’accès suffit-il à réduire la fracture numérique, ou faut-il aussi les compétences pour s’en servir ?',
    es: 'Los gobiernos de las regiones más pobres dedican su programa a la infraestructura digital. ¿Basta el acceso para cerrar la brecha digital, o la gente también necesita las competencias para usarlo?',
  },
  world: 'two-hubs',
  scenario: {
    name: 'infrastructure-only',
    description:
      'For ten years the bottom income quartile (Sahelia, Kalinda, Kirana) puts its whole programme budget into digital infrastructure.',
    weeks: 520,
    shocks: [],
    policy: [{ week: 0, target: POOREST, instrument: 'digitalInfrastructure', level: 1 }],
  },
  seed: 1,
  weeks: 520,
  choropleth: 'usage',
  steps: [
    {
      text: {
        en: 'The map shows digital use: the share of people with internet access who can also use it. Sahelia, Kalinda and Kirana are the poorest regions. Press Play.',
        fr: 'La carte montre l’usage numérique : la part des personnes qui ont accès à internet et savent aussi s’en servir. Sahelia, Kalinda et Kirana sont les régions les plus pauvres. Appuyez sur Lecture.',
        es: 'El mapa muestra el uso digital: la proporción de personas con acceso a internet que además saben usarlo. Sahelia, Kalinda y Kirana son las regiones más pobres. Pulse Reproducir.',
      },
      action: { kind: 'play' },
    },
    {
      text: {
        en: 'Their governments spend the whole programme on digital infrastructure. Switch the map to digital access, then to digital literacy: which one rises, and which one holds use back?',
        fr: 'Leurs gouvernements consacrent tout le programme aux infrastructures numériques. Passez la carte à l’accès numérique, puis à la littératie numérique : lequel progresse, et lequel freine l’usage ?',
        es: 'Sus gobiernos dedican todo el programa a la infraestructura digital. Cambie el mapa al acceso digital y luego a la alfabetización digital: ¿cuál sube y cuál frena el uso?',
      },
      action: { kind: 'choropleth', layer: 'access' },
    },
    {
      text: {
        en: 'Let the ten years run and note the digital divide (the usage gap between the richest and the poorest quarter of people) at the end.',
        fr: 'Laissez passer les dix ans et notez la fracture numérique (l’écart d’usage entre le quart le plus riche et le quart le plus pauvre de la population) à la fin.',
        es: 'Deje correr los diez años y anote la brecha digital (la diferencia de uso entre la cuarta parte más rica y la más pobre de la población) al final.',
      },
      action: { kind: 'choropleth', layer: 'usage' },
    },
    {
      text: {
        en: 'Now split the same budget: in the policy panel, set digital infrastructure to 0.5 and add training at 0.5, linked to the infrastructure, for Sahelia, Kalinda and Kirana. Reset, run the same seed, and compare the digital divide after ten years.',
        fr: 'Partagez maintenant le même budget : dans le panneau des politiques, réglez les infrastructures numériques à 0,5 et ajoutez une formation à 0,5, liée aux infrastructures, pour Sahelia, Kalinda et Kirana. Réinitialisez, relancez la même graine et comparez la fracture numérique après dix ans.',
        es: 'Ahora reparta el mismo presupuesto: en el panel de políticas, ponga la infraestructura digital en 0,5 y añada formación en 0,5, vinculada a la infraestructura, para Sahelia, Kalinda y Kirana. Reinicie, ejecute la misma semilla y compare la brecha digital al cabo de diez años.',
      },
      action: { kind: 'pause' },
    },
  ],
  questions: [
    {
      en: 'Why does a cable or a mast not make people use the internet by itself?',
      fr: 'Pourquoi un câble ou une antenne ne suffit-il pas, à lui seul, à faire utiliser internet ?',
      es: '¿Por qué un cable o una antena no bastan, por sí solos, para que la gente use internet?',
    },
    {
      en: 'With the same budget, which programme narrowed the digital divide more, and by how much?',
      fr: 'À budget égal, quel programme a le plus réduit la fracture numérique, et de combien ?',
      es: 'Con el mismo presupuesto, ¿qué programa redujo más la brecha digital, y en cuánto?',
    },
    {
      en: 'What happens to small firms (SME adoption) in the poorest regions under each programme?',
      fr: 'Que deviennent les petites entreprises (adoption par les PME) dans les régions les plus pauvres avec chaque programme ?',
      es: '¿Qué les pasa a las pequeñas empresas (adopción de las pymes) en las regiones más pobres con cada programa?',
    },
  ],
};
