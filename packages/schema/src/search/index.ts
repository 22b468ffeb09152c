// The search domain: predictive search across kinds. Imported for its types.
import "./predictive.ts";
