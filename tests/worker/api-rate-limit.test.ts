// The rate limit (wrangler.toml [[ratelimits]]) is per client and answers 429 with Retry-After.
import { describe, expect, it } from 'vitest'
import { expectProblem, get } from './api-client'

// The binding's limit is 300 a minute. Its windows are aligned to the clock, so 601 requests
// within a few seconds put more than 300 into one window even if a window ends among them.
const ENOUGH = 601

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After once a client sends too many requests', async () => {
    const ip = '203.0.113.77'
    let refused: Response | undefined
    let served = 0
    for (let i = 0; i < ENOUGH && !refused; i++) {
      const res = await get('/api/v1/nothing-here', {
        ip,
        headers: { Origin: 'https://newsroom.example' },
      })
      if (res.status === 429) refused = res
      else {
        expect(res.status).toBe(404)
        served += 1
        await res.arrayBuffer()
      }
    }
    expect(refused, `still served after ${served} requests`).toBeDefined()
    expect(served).toBeGreaterThanOrEqual(300)
    expect(refused!.headers.get('Retry-After')).toBe('60')
    // A browser on another origin may read the refusal and its Retry-After.
    expect(refused!.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const problem = await expectProblem(refused!, 429, 'rate-limited')
    expect(problem.detail).toContain('Retry-After')

    // Another client is not affected.
    expect((await get('/api/v1/places', { ip: '203.0.113.78' })).status).toBe(200)
  })
})
