# asyncio needs the full standard library (an event loop): outside the subset.
import asyncio
print(asyncio.sleep)
