"""Pure functions over the model. Every engine takes `today` explicitly; none reads the clock."""
