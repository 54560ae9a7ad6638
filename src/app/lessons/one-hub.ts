import type { Lesson } from './types.ts';

/**
 * Efficiency against resilience (MODEL.md P1): every lead firm buys from the cheapest hub, both
 * hubs lock down, and the class runs the same seed again with two suppliers per component.
 */
export const oneHub: Lesson = {
  id: 'one-hub',
  title: {
    en: 'One hub is cheap and fragile',
    fr: 'Un seul hub : bon marché mais fragile',
    es: 'Un solo hub: barato y frágil',
  },
  summary: {
    en: 'Every lead firm buys its components from the cheapest hub. When both hubs lock down, shelves empty. Run it again with two suppliers per component and compare cost and deliveries.',
    fr: 'Chaque entreprise pilote achète ses composants au hub le moins cher. Quand les deux hubs sont confinés, les rayons se vident. Relancez avec deux fournisseurs par composant et comparez les coûts et les livraisons.',
    es: 'Cada empresa líder compra sus componentes al hub más barato. Cuando los dos hubs entran en confinamiento, las estanterías se vacían. Vuelva a ejecutarlo con dos proveedores por componente y compare costes y entregas.',
  },
  world: 'two-hubs',
  scenario: 'hub-lockdown',
  params: { strategyOverride: 'GLOBAL' },
  seed: 1,
  weeks: 104,
  choropleth: 'employment',
  steps: [
    {
      text: {
        en: 'All six lead firms follow the GLOBAL strategy: each component comes from the cheapest hub (Mezquita or Hanzhou). Press Play and look at the unit cost and fill rate charts.',
        fr: 'Les six entreprises pilotes suivent la stratégie GLOBAL : chaque composant vient du hub le moins cher (Mezquita ou Hanzhou). Appuyez sur Lecture et observez les graphiques du coût unitaire et du taux de service.',
        es: 'Las seis empresas líderes siguen la estrategia GLOBAL: cada componente viene del hub más barato (Mezquita o Hanzhou). Pulse Reproducir y observe los gráficos del coste unitario y de la tasa de servicio.',
      },
      action: { kind: 'play' },
    },
    {
      text: {
        en: 'In week 26 both hubs lock down and work at 40% of capacity for 8 weeks. Watch the fill rate (final goods delivered / final demand) and the employment map during and after the lockdown.',
        fr: 'À la semaine 26, les deux hubs sont confinés et tournent à 40 % de leur capacité pendant 8 semaines. Observez le taux de service (biens finaux livrés / demande finale) et la carte de l’emploi pendant et après le confinement.',
        es: 'En la semana 26 los dos hubs entran en confinamiento y trabajan al 40 % de su capacidad durante 8 semanas. Observe la tasa de servicio (bienes finales entregados / demanda final) y el mapa del empleo durante y después del confinamiento.',
      },
    },
    {
      text: {
        en: 'Write down the lowest fill rate and the unit cost before week 26. Then pause: the lesson now switches every lead firm to DUAL (two suppliers in different places for each component). Press Reset and Play to run the same seed again.',
        fr: 'Notez le taux de service le plus bas et le coût unitaire avant la semaine 26. Puis mettez en pause : la leçon fait passer toutes les entreprises pilotes en DUAL (deux fournisseurs situés à deux endroits différents pour chaque composant). Appuyez sur Réinitialiser puis Lecture pour relancer la même graine.',
        es: 'Anote la tasa de servicio más baja y el coste unitario antes de la semana 26. Luego pause: la lección pasa todas las empresas líderes a DUAL (dos proveedores en lugares distintos para cada componente). Pulse Reiniciar y Reproducir para ejecutar de nuevo la misma semilla.',
      },
      action: { kind: 'setParam', name: 'strategyOverride', value: 'DUAL' },
    },
    {
      text: {
        en: 'Compare the two runs: how much higher is the unit cost with two suppliers, and how much less does the fill rate fall? Compare mode shows both side by side.',
        fr: 'Comparez les deux simulations : de combien le coût unitaire augmente-t-il avec deux fournisseurs, et de combien la chute du taux de service est-elle réduite ? Le mode comparaison les montre côte à côte.',
        es: 'Compare las dos ejecuciones: ¿cuánto más alto es el coste unitario con dos proveedores y cuánto menos cae la tasa de servicio? El modo de comparación muestra ambas una al lado de la otra.',
      },
    },
  ],
  questions: [
    {
      en: 'Why do firms choose a single cheap hub when nothing goes wrong?',
      fr: 'Pourquoi les entreprises choisissent-elles un seul hub bon marché quand tout va bien ?',
      es: '¿Por qué las empresas eligen un único hub barato cuando todo va bien?',
    },
    {
      en: 'Who pays for the lost deliveries during the lockdown: the firms, their workers, or their customers?',
      fr: 'Qui paie les livraisons perdues pendant le confinement : les entreprises, leurs salariés ou leurs clients ?',
      es: '¿Quién paga las entregas perdidas durante el confinamiento: las empresas, sus trabajadores o sus clientes?',
    },
    {
      en: 'Is the extra cost of a second supplier worth paying? What would change your answer?',
      fr: 'Le coût supplémentaire d’un second fournisseur vaut-il la peine ? Qu’est-ce qui changerait votre réponse ?',
      es: '¿Merece la pena pagar el coste adicional de un segundo proveedor? ¿Qué cambiaría su respuesta?',
    },
  ],
};
