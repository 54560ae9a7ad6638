import { scenarioWeek, type World } from '../../src/model/world.ts';
import { INSTRUMENT_COUNT } from '../policymaker/index.ts';
import { SPENDING_INSTRUMENTS } from '../policymaker/index.ts';
import { exp } from '../../src/sim/math.ts';

/**
 * Phase 9 — communities (§7.7, §7.8): jobs and unemployment; access (private diffusion +
 * infrastructure), literacy (access × (base + training, linked or not) + peers), skill, income;
 * then trust: good and bad events of the week move τF asymmetrically, transparency amplifies
 * them and pulls τF toward firms' record, neighbours diffuse; τG follows unemployment, shortages,
 * programmes and transparency.
 */
export function updateCommunities(world: World): void {
  const { communityRegions } = world;
  tallyJobs(world);
  weighTrustEvents(world);
  neighbourMeans(world, world.cells.literacy, world.scratch.cellNeighbourLiteracy, world.scratch.regionTrustFirmsSum);
  updateCells(world);
  diffuseTrust(world);
  summariseCells(world);
  communityRegions.goodEvents.fill(0);
  communityRegions.badEvents.fill(0);
}

function tallyJobs(world: World): void {
  const { regions, plants, hubs, params, communityRegions, rawSources, smeRegions } = world;
  const R = regions.count;
  communityRegions.plantEmployment.fill(0);
  communityRegions.hubEmployment.fill(0);
  for (let p = 0; p < plants.count; p++) communityRegions.plantEmployment[plants.region[p]] += plants.employment[p];
  for (let j = 0; j < hubs.count; j++) communityRegions.hubEmployment[hubs.region[j]] += hubs.employment[j];
  const trendRate = 1 / params.jobsTrendWeeks;
  for (let r = 0; r < R; r++) {
    const jobs =
      smeRegions.smeEmployment[r] + communityRegions.plantEmployment[r] + communityRegions.hubEmployment[r] + rawSources.domesticRawEmployment[r] +
      rawSources.recycledRawEmployment[r];
    if (communityRegions.jobsTrend[r] <= 0) {
      communityRegions.jobsTrend[r] = jobs;
      communityRegions.jobsSmoothed[r] = jobs;
    }
    // Net hiring or layoffs people notice: the change in jobs smoothed over about a month,
    // beyond the weekly noise.
    const smoothed = communityRegions.jobsSmoothed[r] + params.jobsSmoothingRate * (jobs - communityRegions.jobsSmoothed[r]);
    const change = smoothed - communityRegions.jobsSmoothed[r];
    const noticed = Math.max(0, Math.abs(change) - params.noticeThreshold * communityRegions.jobsTrend[r]);
    if (change > 0) communityRegions.goodEvents[r] += noticed;
    else communityRegions.badEvents[r] += noticed;
    communityRegions.jobsSmoothed[r] = smoothed;
    communityRegions.jobsLastWeek[r] = communityRegions.jobs[r];
    communityRegions.jobs[r] = jobs;
    communityRegions.jobsTrend[r] += trendRate * (jobs - communityRegions.jobsTrend[r]);
    const sectorShare = Math.min(1, Math.max(params.unemploymentMinIndustryShare, regions.industryWorkersShare[r]));
    const shortfall = communityRegions.jobsTrend[r] > 0 ? 1 - jobs / communityRegions.jobsTrend[r] : 0;
    communityRegions.unemployment[r] = Math.min(1, Math.max(0, params.baseUnemployment + sectorShare * shortfall));
    communityRegions.incomeRatio[r] = labourIncomeRatio(communityRegions.jobsTrend[r] > 0 ? 1 - smoothed / communityRegions.jobsTrend[r] : 0, sectorShare, params.baseUnemployment);
  }
}

/**
 * Households' labour income against its trend (§9.2; the wage is fixed, so employment decides it):
 * the modelled jobs are the industry share of the workforce, so a shortfall of them (smoothed over
 * about a month) lowers employment by that share, relative to employment at the base unemployment.
 */
export function labourIncomeRatio(smoothedShortfall: number, sectorShare: number, baseUnemployment: number): number {
  return Math.max(0, 1 - (sectorShare * smoothedShortfall) / (1 - baseUnemployment));
}

/**
 * Event weights m of the week (§7.8), relative to the region's jobs: good — hiring, openings,
 * entries, grants, timely supply; bad — layoffs, closures, exits, shortages. Transparency
 * multiplies them by (1 + θ_T); the record of good events is what transparency reveals.
 */
function weighTrustEvents(world: World): void {
  const { regions, params, policy, scratch, communityRegions, finalMarket, smeRegions } = world;
  const plantJobs = world.plantJobEvents;
  const recordMemory = 1 / params.firmRecordMemoryWeeks;
  for (let r = 0; r < regions.count; r++) {
    let programme = 0;
    for (const k of SPENDING_INSTRUMENTS) programme += policy.spentQuarter[r * INSTRUMENT_COUNT + k];
    const weeklyProgramme = programme / ((world.tick % params.strategyPeriodWeeks) + 1);
    communityRegions.programmeSpend[r] = weeklyProgramme;
    const jobsBase = Math.max(communityRegions.jobsTrend[r], 1e-9);
    const lostShare = finalMarket.finalDemand[r] > 0 ? finalMarket.finalLost[r] / finalMarket.finalDemand[r] : 0;
    const grantJobs = smeRegions.smeGrantIntensity[r] > 0 ? regions.smeGrantSpend[r] / Math.max(regions.wage[r], 1e-9) : 0;
    // The week's events: jobs noticed (tallyJobs) plus plants opened and closed (the firms' buffer).
    const jobsGained = plantJobs.opened[r] + communityRegions.goodEvents[r];
    const jobsLost = plantJobs.closed[r] + communityRegions.badEvents[r];
    let good = (params.trustEventScale * (jobsGained + grantJobs)) / jobsBase;
    if (lostShare < params.timelySupplyMaxLostShare) good += params.timelySupplyWeight;
    const bad = (params.trustEventScale * jobsLost) / jobsBase + params.shortageTrustWeight * lostShare;
    const amplify = 1 + regions.transparency[r];
    scratch.regionTrustGood[r] = good * amplify;
    scratch.regionTrustBad[r] = bad * amplify;
    if (good + bad > 0) communityRegions.firmRecord[r] += recordMemory * (good / (good + bad) - communityRegions.firmRecord[r]);
    weighGovernmentEvents(world, r, weeklyProgramme, lostShare);
  }
}

/**
 * τG's events of the week in region r (§7.8, §9.6): programmes (as a share of GDP) and
 * transparency are good; unemployment above its base is bad and below it good; shortages count
 * against the share people are used to losing (more is bad, less good), so a calm world's
 * usual disruptions do not wear trust down year after year.
 */
function weighGovernmentEvents(world: World, r: number, weeklyProgramme: number, lostShare: number): void {
  const { regions, params, scratch, communityRegions } = world;
  const programmeShare = regions.gdpWeekly[r] > 0 ? weeklyProgramme / regions.gdpWeekly[r] : 0;
  const unemploymentGap = communityRegions.unemployment[r] - params.baseUnemployment;
  const shortageSurprise = lostShare - communityRegions.usualLostShare[r];
  if (params.governmentShortageMemoryWeeks > 0) {
    communityRegions.usualLostShare[r] += (lostShare - communityRegions.usualLostShare[r]) / Math.max(1, params.governmentShortageMemoryWeeks);
  }
  scratch.regionGovernmentGood[r] = Math.min(
    1,
    params.governmentProgrammeWeight * programmeShare +
      params.governmentTransparencyWeight * regions.transparency[r] +
      params.governmentUnemploymentWeight * Math.max(0, -unemploymentGap) +
      Math.max(0, -shortageSurprise),
  );
  scratch.regionGovernmentBad[r] = Math.min(
    1,
    params.governmentUnemploymentWeight * Math.max(0, unemploymentGap) + Math.max(0, shortageSurprise),
  );
}

function updateCells(world: World): void {
  updateAccess(world);
  updateLiteracy(world);
  updateSkillAndIncome(world);
  updateCellTrust(world);
}

/**
 * Access: private diffusion — Bass: an income-independent external term p plus imitation
 * (logistic in a, scaled by f(GDP per capita)) — plus infrastructure, saturating (§7.7, §9.6). Cells of a region are contiguous and usually share access: the last result
 * is reused when the inputs are the same (exact, and it saves an exponential per cell).
 */
function updateAccess(world: World): void {
  const { cells, regions, params } = world;
  let accessRegion = -1;
  let accessIn = NaN;
  let accessOut = 0;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    const a = cells.access[c];
    if (r !== accessRegion || a !== accessIn) {
      const population = Math.max(regions.population[r], 1);
      const infrastructure = regions.infrastructureSpend[r] / (params.connectCostPerPerson * population);
      const accessRate = (params.accessInnovation + params.accessDiffusionRate * regions.incomeDiffusionFactor[r] * a) / 52 + infrastructure;
      accessRegion = r;
      accessIn = a;
      accessOut = a + (1 - a) * (1 - exp(-accessRate));
    }
    cells.access[c] = accessOut;
  }
}

/** Literacy: this week's access × (base + training, φ if not linked) + peer catch-up, saturating (§7.7). */
function updateLiteracy(world: World): void {
  const { cells, regions, params, scratch } = world;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    const population = Math.max(regions.population[r], 1);
    const l = cells.literacy[c];
    const trainingPerPersonYear = (regions.trainingSpend[r] * 52) / population;
    const linkFactor = regions.trainingLinked[r] ? 1 : params.unlinkedTrainingFactor;
    const peer = params.peerLiteracyRate * Math.max(0, scratch.cellNeighbourLiteracy[c] - l);
    const literacyRate =
      (cells.access[c] * (params.literacyBaseRate + params.trainingEffect * trainingPerPersonYear * linkFactor) + peer) / 52;
    cells.literacy[c] = l + (1 - l) * (1 - exp(-literacyRate));
  }
}

/**
 * Skill: learning by doing in manufacturing work and training, eroding slowly (reused across a
 * region's cells with the same skill, as access is); then income per person per week, with the
 * premium of skill above the regional mean.
 */
function updateSkillAndIncome(world: World): void {
  const { cells, regions, params, communityRegions } = world;
  const skillKeep = exp(-params.skillDecayRate / 52);
  let skillRegion = -1;
  let skillIn = NaN;
  let skillOut = 0;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    const s = cells.skill[c];
    if (r !== skillRegion || s !== skillIn) {
      const population = Math.max(regions.population[r], 1);
      const trainingPerPersonYear = (regions.trainingSpend[r] * 52) / population;
      const workShare = Math.min(1, regions.industryWorkersShare[r] * (1 - communityRegions.unemployment[r]));
      const skillRate = (params.skillLearningRate * workShare + params.skillTrainingEffect * trainingPerPersonYear) / 52;
      const grown = s + (1 - s) * (1 - exp(-skillRate));
      skillRegion = r;
      skillIn = s;
      skillOut = grown - grown * (1 - skillKeep);
    }
    cells.skill[c] = skillOut;
    const skillPremium = 1 + params.skillPremium * (cells.skill[c] - communityRegions.skill[r]);
    cells.income[c] = Math.max(
      0,
      (regions.gdpPerCapita[r] / 52) * (1 - communityRegions.unemployment[r]) * cells.incomeFactor[c] * skillPremium,
    );
  }
}

/**
 * Trust in government holds its starting values (drawn around the Edelman figure) through the
 * warm-up: the warm-up lets jobs, stocks and SMEs settle from their built state, and the swings in
 * unemployment that settling makes are not news a government is judged on (§9.6: flat τG in calm
 * years). Trust in firms moves from the start, as it feeds the firms' choices the warm-up settles.
 */
function governmentTrustHeld(world: World): boolean {
  return scenarioWeek(world) < 0;
}

/**
 * Trust in firms: the week's asymmetric events (§7.8), then the pull of transparency toward the
 * firms' record; trust in government follows its good and bad events.
 */
function updateCellTrust(world: World): void {
  const { cells, regions, params, scratch, communityRegions } = world;
  const governmentRate = governmentTrustHeld(world) ? 0 : params.governmentTrustRate;
  const gain = params.trustGainRate;
  const loss = params.trustGainRate * params.trustLossRatio;
  const good = scratch.regionTrustGood;
  const bad = scratch.regionTrustBad;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    let tf = cells.trustFirms[c];
    tf += Math.min(1, gain * good[r]) * (1 - tf);
    tf -= Math.min(1, loss * bad[r]) * tf;
    tf += Math.min(1, params.transparencyPull * regions.transparency[r]) * (communityRegions.firmRecord[r] - tf);
    cells.trustFirms[c] = tf;
    let tg = cells.trustGovernment[c];
    tg += governmentRate * (scratch.regionGovernmentGood[r] * (1 - tg) - scratch.regionGovernmentBad[r] * tg);
    cells.trustGovernment[c] = tg;
  }
}

/**
 * Neighbour diffusion τ ← τ + ω(τ̄_nb − τ), double-buffered. A cell's neighbours are the other
 * cells of its region (their mean from the region sum, without materialising the clique) and
 * its cross-region links.
 */
function diffuseTrust(world: World): void {
  const { cells, params, communityRegions } = world;
  const sumFirms = world.scratch.regionTrustFirmsSum;
  const sumGovernment = world.scratch.regionTrustGovernmentSum;
  sumFirms.fill(0);
  sumGovernment.fill(0);
  for (let c = 0; c < cells.count; c++) {
    sumFirms[cells.region[c]] += cells.trustFirms[c];
    sumGovernment[cells.region[c]] += cells.trustGovernment[c];
  }
  const omega = params.trustDiffusion;
  const omegaGovernment = governmentTrustHeld(world) ? 0 : omega;
  const L = cells.linkCount;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    const others = communityRegions.cellCount[r] - 1;
    let neighbourFirms = sumFirms[r] - cells.trustFirms[c];
    let neighbourGovernment = sumGovernment[r] - cells.trustGovernment[c];
    let neighbours = others;
    for (let k = 0; k < L; k++) {
      const other = cells.links[c * L + k];
      if (other < 0) continue;
      neighbourFirms += cells.trustFirms[other];
      neighbourGovernment += cells.trustGovernment[other];
      neighbours++;
    }
    if (neighbours > 0) {
      cells.trustFirmsNext[c] = cells.trustFirms[c] + omega * (neighbourFirms / neighbours - cells.trustFirms[c]);
      cells.trustGovernmentNext[c] =
        cells.trustGovernment[c] + omegaGovernment * (neighbourGovernment / neighbours - cells.trustGovernment[c]);
    } else {
      cells.trustFirmsNext[c] = cells.trustFirms[c];
      cells.trustGovernmentNext[c] = cells.trustGovernment[c];
    }
  }
  const firms = cells.trustFirms;
  cells.trustFirms = cells.trustFirmsNext;
  cells.trustFirmsNext = firms;
  const government = cells.trustGovernment;
  cells.trustGovernment = cells.trustGovernmentNext;
  cells.trustGovernmentNext = government;
}

/**
 * Each cell's neighbour mean of a value (the other cells of its region, from the region's sum,
 * and its cross-region links), read before anyone updates it this week.
 */
function neighbourMeans(world: World, values: Float64Array, out: Float64Array, regionSum: Float64Array): void {
  const { cells, communityRegions } = world;
  regionSum.fill(0);
  for (let c = 0; c < cells.count; c++) regionSum[cells.region[c]] += values[c];
  const L = cells.linkCount;
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    let total = regionSum[r] - values[c];
    let count = communityRegions.cellCount[r] - 1;
    for (let k = 0; k < L; k++) {
      const other = cells.links[c * L + k];
      if (other < 0) continue;
      total += values[other];
      count++;
    }
    out[c] = count > 0 ? total / count : values[c];
  }
}

/** Population-weighted regional means of the cells' state. */
export function summariseCells(world: World): void {
  const { cells, regions, communityRegions } = world;
  communityRegions.access.fill(0);
  communityRegions.literacy.fill(0);
  communityRegions.skill.fill(0);
  communityRegions.trustFirms.fill(0);
  communityRegions.trustGovernment.fill(0);
  communityRegions.income.fill(0);
  communityRegions.cellPopulation.fill(0);
  for (let c = 0; c < cells.count; c++) {
    const r = cells.region[c];
    const w = cells.population[c];
    communityRegions.cellPopulation[r] += w;
    communityRegions.access[r] += w * cells.access[c];
    communityRegions.literacy[r] += w * cells.literacy[c];
    communityRegions.skill[r] += w * cells.skill[c];
    communityRegions.trustFirms[r] += w * cells.trustFirms[c];
    communityRegions.trustGovernment[r] += w * cells.trustGovernment[c];
    communityRegions.income[r] += w * cells.income[c];
  }
  for (let r = 0; r < regions.count; r++) {
    const w = communityRegions.cellPopulation[r];
    if (w <= 0) continue;
    communityRegions.access[r] /= w;
    communityRegions.literacy[r] /= w;
    communityRegions.skill[r] /= w;
    communityRegions.trustFirms[r] /= w;
    communityRegions.trustGovernment[r] /= w;
    communityRegions.income[r] /= w;
  }
}
