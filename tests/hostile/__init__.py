"""The hostile-input suite: what an attacker, a crash or a careless day can throw at Amity."""
