import type { Lesson } from './types.ts';

/**
 * Trust asymmetry (MODEL.md P8): a lockdown closes Valderra's plants for eight weeks; trust in
 * firms falls within weeks and takes far longer to come back after the same jobs return.
 */
export const trust: Lesson = {
  id: 'trust',
  title: {
    en: 'Trust is slow to build and quick to lose',
    fr: 'La confiance se construit lentement et se perd vite',
    es: 'La confianza tarda en ganarse y se pierde rápido',
  },
  summary: {
    en: 'A lockdown closes Valderra’s factories for eight weeks. People’s trust in firms drops quickly; watch how long it takes to come back once the same jobs return, and whether transparency helps.',
    fr: 'Un confinement ferme les usines de Valderra pendant huit semaines. La confiance des habitants envers les entreprises chute vite ; observez combien de temps il lui faut pour revenir une fois les mêmes emplois retrouvés, et si la transparence aide.',
    es: 'Un confinamiento cierra las fábricas de Valderra durante ocho semanas. La confianza de la gente en las empresas cae rápido; observe cuánto tarda en volver cuando regresan los mismos empleos y si la transparencia ayuda.',
  },
  world: 'two-hubs',
  scenario: {
    name: 'valderra-closure',
    description:
      'Valderra locks down at week 26 for 8 weeks at 30% capacity; no background disruptions, so the closure is the only bad event.',
    weeks: 104,
    params: { hazardEnabled: false },
    shocks: [{ kind: 'lockdown', target: { regions: ['VAL'] }, start: 26, weeks: 8, capacityFactor: 0.3 }],
    policy: [],
  },
  seed: 1,
  weeks: 104,
  choropleth: 'trustFirms',
  steps: [
    {
      text: {
        en: 'The map shows trust in firms. Find Valderra (in Meridia, the middle bloc) and press Play.',
        fr: 'La carte montre la confiance envers les entreprises. Repérez Valderra (dans la Méridie, le bloc du milieu) et appuyez sur Lecture.',
        es: 'El mapa muestra la confianza en las empresas. Localice Valderra (en Meridia, el bloque del centro) y pulse Reproducir.',
      },
      action: { kind: 'play' },
    },
    {
      text: {
        en: 'In week 26 Valderra locks down: its plants work at 30% of capacity for 8 weeks, workers are laid off and shelves empty. Click Valderra to open its time series and note how many weeks trust in firms takes to reach its lowest point.',
        fr: 'À la semaine 26, Valderra est confinée : ses usines tournent à 30 % de leur capacité pendant 8 semaines, des salariés sont licenciés et les rayons se vident. Cliquez sur Valderra pour ouvrir ses séries et notez en combien de semaines la confiance envers les entreprises atteint son point le plus bas.',
        es: 'En la semana 26 Valderra entra en confinamiento: sus fábricas trabajan al 30 % de su capacidad durante 8 semanas, se despide a trabajadores y las estanterías se vacían. Haga clic en Valderra para abrir sus series y anote cuántas semanas tarda la confianza en las empresas en llegar a su punto más bajo.',
      },
    },
    {
      text: {
        en: 'After the lockdown the same jobs come back. Count as many weeks after the lowest point as the fall took: how much of the lost trust has returned?',
        fr: 'Après le confinement, les mêmes emplois reviennent. Comptez autant de semaines après le point le plus bas que la chute en a pris : quelle part de la confiance perdue est revenue ?',
        es: 'Después del confinamiento vuelven los mismos empleos. Cuente tantas semanas después del punto más bajo como duró la caída: ¿qué parte de la confianza perdida ha vuelto?',
      },
    },
    {
      text: {
        en: 'Try an investment in trust: in the policy panel add transparency at 0.5 for all regions, reset and run the same seed. Does trust in firms end higher? Does it protect Valderra from the fall?',
        fr: 'Essayez d’investir dans la confiance : dans le panneau des politiques, ajoutez la transparence à 0,5 pour toutes les régions, réinitialisez et relancez la même graine. La confiance envers les entreprises finit-elle plus haut ? Protège-t-elle Valderra de la chute ?',
        es: 'Pruebe a invertir en confianza: en el panel de políticas añada transparencia en 0,5 para todas las regiones, reinicie y ejecute la misma semilla. ¿Termina más alta la confianza en las empresas? ¿Protege a Valderra de la caída?',
      },
      action: { kind: 'pause' },
    },
  ],
  questions: [
    {
      en: 'Why might people forgive a firm more slowly than they blame it?',
      fr: 'Pourquoi les gens pardonneraient-ils à une entreprise plus lentement qu’ils ne la blâment ?',
      es: '¿Por qué la gente perdonaría a una empresa más despacio de lo que la culpa?',
    },
    {
      en: 'Did trust fall in regions that were not locked down? Why?',
      fr: 'La confiance a-t-elle baissé dans des régions qui n’étaient pas confinées ? Pourquoi ?',
      es: '¿Bajó la confianza en regiones que no estaban confinadas? ¿Por qué?',
    },
    {
      en: 'What could a firm or a government do before a crisis so that trust survives it?',
      fr: 'Que pourraient faire une entreprise ou un gouvernement avant une crise pour que la confiance y survive ?',
      es: '¿Qué podrían hacer una empresa o un gobierno antes de una crisis para que la confianza sobreviva a ella?',
    },
  ],
};
