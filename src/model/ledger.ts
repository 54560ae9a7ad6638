/**
 * Every source and sink of money and goods, named. Systems add to the week's ledger as they
 * move things; the conservation tests compare the ledger with the change in stocks.
 * Transfers between agents (a plant paying a hub) are not entries: they cancel.
 */
export const MONEY_SOURCES = [
  'consumerSpending',
  'localMarketSpending',
  'subsidies',
  'grants',
  'entryCapital',
] as const;
export const MONEY_SINKS = [
  'wages',
  'profitTaxes',
  'tariffs',
  'freight',
  'domesticRawPurchases',
  'recycledRawPurchases',
  'coordination',
  'overheads',
  'capex',
  'ownerDrawings',
  'exitWriteOffs',
] as const;
export const GOODS_FLOWS = [
  'rawProduced',
  'rawUsed',
  'localInputsUsed',
  'componentsProduced',
  'componentsUsed',
  'componentsSoldLocally',
  'finalProduced',
  // Final goods reaching customers (on arrival, after their outbound lead time, MODEL.md §9.5).
  'finalSold',
  'rawWrittenOff',
  'componentsWrittenOff',
  'finalWrittenOff',
] as const;

export type MoneySource = (typeof MONEY_SOURCES)[number];
export type MoneySink = (typeof MONEY_SINKS)[number];
export type GoodsFlow = (typeof GOODS_FLOWS)[number];
export type LedgerEntry = MoneySource | MoneySink | GoodsFlow;

export type Ledger = Record<LedgerEntry, number>;

export function emptyLedger(): Ledger {
  // Built in one go, not key by key: V8 keeps such an object's properties fast, where 27 keyed
  // stores into {} would leave a hash table that every `ledger.x +=` in an SME loop looks up.
  return Object.fromEntries([...MONEY_SOURCES, ...MONEY_SINKS, ...GOODS_FLOWS].map((name) => [name, 0])) as Ledger;
}

export function resetLedger(ledger: Ledger): void {
  for (const name of Object.keys(ledger) as LedgerEntry[]) ledger[name] = 0;
}

/** Net money inflow to agents this week: sources − sinks. */
export function netMoneyFlow(ledger: Ledger): number {
  let net = 0;
  for (const name of MONEY_SOURCES) net += ledger[name];
  for (const name of MONEY_SINKS) net -= ledger[name];
  return net;
}
