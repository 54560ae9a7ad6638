/**
 * Policymakers (MODEL.md §7.9): the instrument list, the store schema, the parameters, the
 * systems the phase table runs and the programme payments other kinds draw on.
 */
export {
  INSTRUMENTS, INSTRUMENT_COUNT, LOCAL_SOURCING_SUBSIDY, RESHORING_GRANT, DIGITAL_INFRASTRUCTURE, TRAINING,
  SME_TECH_GRANT, TARIFF, BORDER_CLOSURE, TRANSPARENCY, SMART_SOURCING_NODE,
  CIRCULAR_PROCUREMENT_SUBSIDY,
  createPolicyStore, type Instrument, type PolicyStore,
} from './schema.ts';
export { policyParams } from './params.ts';
export { SPENDING_INSTRUMENTS, paySubsidy, payReshoringGrant, recordSpend } from './spending.ts';
// Systems, in the order of the phase table.
export { applyPolicy, recordPolicyQuarter } from './systems.ts';
