// ml-logistic-regression ships JavaScript without declarations; the part this project uses.
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";

  type TwoClass = { weights: Matrix; testScores(features: Matrix): number[] };

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClass[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
