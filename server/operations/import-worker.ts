/**
 * A worker thread of a case-register import (import-lanes.ts): checks and builds the batches
 * the main thread sends, with the setup and keys it started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PersonalDataKeyring } from '../../storage/personal-data/keyring.js';
import type { ImportAnswer, ImportRequest, ImportWorkerData } from './import-lanes.js';
import { importWork, type ImportPeople } from './import-work.js';

const data = workerData as ImportWorkerData;
const work = importWork(data.setup, PersonalDataKeyring.fromShared(data.keyring));
let people: ImportPeople | undefined;

parentPort?.on('message', (request: ImportRequest) => {
  let answer: ImportAnswer;
  try {
    if (request.op === 'check') {
      answer = { id: request.id, result: work.check(request.batch) };
    } else {
      people = request.people ?? people;
      if (!people) throw new Error('a build came before the people it is built for');
      answer = { id: request.id, result: work.build(request.batch, people, request.numbers) };
    }
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort?.postMessage(answer);
});
