import type { Lesson } from './types.ts';

/**
 * Why lead firms stay GLOBAL (MODEL.md §7.1, §9.1): the class reads a firm's pricing of the four
 * strategies in the plant inspector, sees that the cost gap to DUAL dwarfs the expected disruption
 * loss, then watches a 10% tariff on other blocs' goods make a plant in every market (MULTILOCAL)
 * less dear (docs/strategies.md).
 */
export const whyGlobal: Lesson = {
  id: 'why-global',
  title: {
    en: 'Why firms stay global',
    fr: 'Pourquoi les entreprises restent mondiales',
    es: 'Por qué las empresas siguen siendo globales',
  },
  summary: {
    en: 'Every quarter each lead firm prices four sourcing strategies and picks one. Open a plant to see the prices: local suppliers cost far more than the hubs, and the expected cost of a disruption is small. Then a 10% tariff on goods from other blocs changes the sums.',
    fr: 'Chaque trimestre, chaque entreprise pilote chiffre quatre stratégies d’approvisionnement et en choisit une. Ouvrez une usine pour voir les prix : les fournisseurs locaux coûtent bien plus cher que les hubs, et le coût attendu d’une perturbation est faible. Puis un droit de douane de 10 % sur les biens des autres blocs change les calculs.',
    es: 'Cada trimestre, cada empresa líder calcula el coste de cuatro estrategias de aprovisionamiento y elige una. Abra una planta para ver los precios: los proveedores locales cuestan mucho más que los hubs y el coste esperado de una disrupción es pequeño. Después, un arancel del 10 % a los bienes de otros bloques cambia las cuentas.',
  },
  world: 'two-hubs',
  scenario: {
    name: 'tariff-from-year-two',
    description: 'The calm two-hubs baseline; from week 52 every region puts a 10% tariff on goods from other blocs.',
    weeks: 260,
    shocks: [],
    policy: [{ week: 52, target: 'all', instrument: 'tariff', level: 0.1 }],
  },
  seed: 1,
  weeks: 260,
  choropleth: 'localSourcing',
  steps: [
    {
      text: {
        en: 'Press Play, then click a lead firm’s plant (a square on the map) to open the inspector. Its table “Why this strategy?” shows, in $ per unit, how the firm prices GLOBAL, DUAL, NEARSHORE and MULTILOCAL, and each one’s chance at its next quarterly review.',
        fr: 'Appuyez sur Lecture, puis cliquez sur une usine d’entreprise pilote (un carré sur la carte) pour ouvrir l’inspecteur. Son tableau « Pourquoi cette stratégie ? » montre, en $ par unité, comment l’entreprise chiffre GLOBAL, DUAL, NEARSHORE et MULTILOCAL, et la chance de chacune à sa prochaine révision trimestrielle.',
        es: 'Pulse Reproducir y luego haga clic en una planta de una empresa líder (un cuadrado en el mapa) para abrir el inspector. Su tabla «¿Por qué esta estrategia?» muestra, en $ por unidad, cómo la empresa calcula el coste de GLOBAL, DUAL, NEARSHORE y MULTILOCAL, y la probabilidad de cada una en su próxima revisión trimestral.',
      },
      action: { kind: 'play' },
    },
    {
      text: {
        en: 'Compare GLOBAL and DUAL (dual sourcing: 30% of components from SMEs of the home bloc). DUAL costs about $35 a unit more, mostly because those SMEs’ components cost about twice the hubs’. Now read the disruption-loss column: what a hub lockdown is expected to cost is a few dollars a unit, far less than the gap.',
        fr: 'Comparez GLOBAL et DUAL (double approvisionnement : 30 % des composants auprès de PME du bloc d’origine). DUAL coûte environ 35 $ de plus par unité, surtout parce que les composants de ces PME coûtent environ deux fois ceux des hubs. Lisez maintenant la colonne de la perte due aux perturbations : le coût attendu d’un confinement des hubs n’est que de quelques dollars par unité, bien moins que l’écart.',
        es: 'Compare GLOBAL y DUAL (doble aprovisionamiento: el 30 % de los componentes de pymes del bloque de origen). DUAL cuesta unos 35 $ más por unidad, sobre todo porque los componentes de esas pymes cuestan aproximadamente el doble que los de los hubs. Ahora lea la columna de pérdida por disrupción: lo que se espera que cueste un confinamiento de los hubs son unos pocos dólares por unidad, mucho menos que la diferencia.',
      },
    },
    {
      text: {
        en: 'From week 52 every region taxes goods from other blocs at 10%. Open a plant again after week 60: MULTILOCAL (a plant in each market it sells to, so no tariff on the way to customers) has come closer to GLOBAL, and its chance at the next review has grown.',
        fr: 'À partir de la semaine 52, chaque région taxe à 10 % les biens venant des autres blocs. Rouvrez une usine après la semaine 60 : MULTILOCAL (une usine dans chaque marché desservi, donc pas de droit de douane sur le chemin des clients) s’est rapprochée de GLOBAL, et sa chance à la prochaine révision a augmenté.',
        es: 'Desde la semana 52 cada región grava con un 10 % los bienes de otros bloques. Vuelva a abrir una planta después de la semana 60: MULTILOCAL (una planta en cada mercado al que vende, así que sin arancel camino de los clientes) se ha acercado a GLOBAL y su probabilidad en la próxima revisión ha crecido.',
      },
    },
  ],
  questions: [
    {
      en: 'Firms know hubs can lock down. Why does that risk hardly change their choice?',
      fr: 'Les entreprises savent que les hubs peuvent être confinés. Pourquoi ce risque change-t-il à peine leur choix ?',
      es: 'Las empresas saben que los hubs pueden entrar en confinamiento. ¿Por qué ese riesgo apenas cambia su elección?',
    },
    {
      en: 'What would make dual sourcing pay: dearer hubs, cheaper local suppliers, longer disruptions, or customers who value local content more?',
      fr: 'Qu’est-ce qui rendrait le double approvisionnement rentable : des hubs plus chers, des fournisseurs locaux moins chers, des perturbations plus longues, ou des clients qui tiennent davantage au contenu local ?',
      es: '¿Qué haría rentable el doble aprovisionamiento: hubs más caros, proveedores locales más baratos, disrupciones más largas o clientes que valoren más el contenido local?',
    },
    {
      en: 'A tariff makes local production more attractive. Who pays for it?',
      fr: 'Un droit de douane rend la production locale plus attractive. Qui le paie ?',
      es: 'Un arancel hace más atractiva la producción local. ¿Quién lo paga?',
    },
  ],
};
