#!/usr/bin/env python3
"""The PyTorch reference of Segue's network, for `segue bench --compare`.

The same network as StaffNetworkFactory builds (event and duration embeddings, concatenated; three LSTM layers with
dropout after the first two; a ReLU dense layer; two softmax heads), the same loss (the event head's cross-entropy
plus three times the duration head's, summed over the steps and averaged over the sequences, as DL4J scores it),
Adam, and gradients clipped element-wise at 1. Prints one JSON object: the median, fastest and slowest milliseconds
of one training step on a minibatch of random tokens, and of one generation step (no gradients, the recurrent
state carried) at batch 1 and 4.

Run with Debian's python3-torch: OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 pytorch_reference.py
"""
import argparse
import json
import os
import statistics
import time

import torch
from torch import nn


class StaffNetwork(nn.Module):
    def __init__(self, events, durations, event_embedding, duration_embedding, hidden, dense, dropout):
        super().__init__()
        self.event_embedding = nn.Embedding(events, event_embedding)
        self.duration_embedding = nn.Embedding(durations, duration_embedding)
        self.lstm1 = nn.LSTM(event_embedding + duration_embedding, hidden, batch_first=True)
        self.lstm2 = nn.LSTM(hidden, hidden, batch_first=True)
        self.lstm3 = nn.LSTM(hidden, hidden, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.dense = nn.Linear(hidden, dense)
        self.event_head = nn.Linear(dense, events)
        self.duration_head = nn.Linear(dense, durations)

    def forward(self, events, durations, state=None):
        x = torch.cat([self.event_embedding(events), self.duration_embedding(durations)], dim=-1)
        state = state or (None, None, None)
        x, s1 = self.lstm1(x, state[0])
        x, s2 = self.lstm2(self.dropout(x), state[1])
        x, s3 = self.lstm3(self.dropout(x), state[2])
        x = torch.relu(self.dense(x))
        return self.event_head(x), self.duration_head(x), (s1, s2, s3)


def timed(action, warmup, runs):
    for _ in range(warmup):
        action()
    millis = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        millis.append((time.perf_counter() - start) * 1000)
    return statistics.median(millis), min(millis), max(millis)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in [("batch", 32), ("steps", 100), ("hidden", 256), ("events", 1740), ("durations", 16),
                          ("event-embedding", 64), ("duration-embedding", 16), ("dense", 256),
                          ("train-warmup", 5), ("train-runs", 15), ("step-runs", 300)]:
        p.add_argument("--" + name, type=int, default=default)
    a = p.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    net = StaffNetwork(a.events, a.durations, a.event_embedding, a.duration_embedding, a.hidden, a.dense, 0.3)
    optimizer = torch.optim.Adam(net.parameters(), lr=0.002)
    cross_entropy = nn.CrossEntropyLoss(reduction="sum")
    result = {"torch": torch.__version__, "threads": torch.get_num_threads()}

    def batch():
        return (torch.randint(a.events, (a.batch, a.steps + 1)), torch.randint(a.durations, (a.batch, a.steps + 1)))

    def train_step():
        events, durations = batch()
        net.train()
        optimizer.zero_grad()
        event_logits, duration_logits, _ = net(events[:, :-1], durations[:, :-1])
        loss = (cross_entropy(event_logits.reshape(-1, a.events), events[:, 1:].reshape(-1))
                + 3 * cross_entropy(duration_logits.reshape(-1, a.durations), durations[:, 1:].reshape(-1))) / a.batch
        loss.backward()
        torch.nn.utils.clip_grad_value_(net.parameters(), 1.0)
        optimizer.step()

    median, fastest, slowest = timed(train_step, a.train_warmup, a.train_runs)
    result.update(trainMsPerBatch=median, trainMsPerBatchMin=fastest, trainMsPerBatchMax=slowest)

    net.eval()
    for rows in (1, 4):
        with torch.no_grad():
            prefix = (torch.randint(a.events, (rows, 100)), torch.randint(a.durations, (rows, 100)))
            _, _, state = net(*prefix)
            holder = {"state": state}

            def step():
                e = torch.randint(a.events, (rows, 1))
                d = torch.randint(a.durations, (rows, 1))
                event_logits, duration_logits, holder["state"] = net(e, d, holder["state"])
                torch.softmax(event_logits, dim=-1)
                torch.softmax(duration_logits, dim=-1)

            median, fastest, slowest = timed(step, a.step_runs // 5, a.step_runs)
        name = "stepMsBatch%d" % rows
        result.update({name: median, name + "Min": fastest, name + "Max": slowest})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
