/** The condition grammar lives in the model (adaptive rules read it too); sweeps import it from here. */
export * from '../model/observe/condition.ts';
