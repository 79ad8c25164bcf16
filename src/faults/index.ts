/** Planted engine faults: GD implementations with one defect each, for measuring the claims' power. */
export { engineFault, engineFaults, defectiveTrainer } from './engineFaults.js';
export { trainWithDefect, type EngineDefect } from './faultyDescent.js';
