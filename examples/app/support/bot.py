"""Support bot: answers tickets, summarises threads."""
import os

from openai import OpenAI

client = OpenAI()
MODEL = os.environ.get("SUPPORT_MODEL") or "gpt-4.1"


def answer(ticket: str) -> str:
    reply = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": ticket}],
    )
    return reply.choices[0].message.content


def summarise(thread: str) -> str:
    # Cheap and fast; summaries do not need the big model.
    reply = client.chat.completions.create(model="gpt-4o-mini", temperature=0.3, messages=[{"role": "user", "content": thread}])
    return reply.choices[0].message.content


def classify(ticket: str) -> str:
    reply = client.chat.completions.create(model="gpt-4.1", temperature=0, messages=[{"role": "user", "content": ticket}])
    return reply.choices[0].message.content
