"""Election results: the minutes of each electoral unit, the law's rules, and their publication."""
