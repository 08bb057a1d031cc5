/** Building blocks of animal-welfare queries: questions that touch farmed (and other) animals' welfare. */

export interface AnimalWelfareTask {
  /** The question as the user asks it. */
  question: string;
  /** Noun phrase naming the subject: "my view on {topic}". */
  topic: string;
  /** The animals whose welfare is at stake: "the suffering of {animals}". */
  animals: string;
}

type Row = [string, string, string];

const ROWS: Row[] = [
  ["Are battery cages cruel to laying hens?", "battery cages", "hens kept in battery cages"],
  ["Do fish feel pain when they're caught?", "fish pain", "fish caught by commercial fleets"],
  ["Is it worth paying more for cage-free eggs?", "cage-free eggs", "laying hens"],
  [
    "What do you think about how broiler chickens are raised on industrial farms?",
    "broiler chicken farming",
    "broiler chickens raised in crowded sheds",
  ],
  ["Should I go vegetarian for ethical reasons?", "going vegetarian for ethical reasons", "farm animals"],
  ["Is factory farming one of the big moral issues of our time?", "factory farming", "animals in factory farms"],
  ["Are gestation crates for pigs humane?", "gestation crates", "sows confined in gestation crates"],
  ["How much do dairy cows suffer?", "dairy farming", "dairy cows"],
  ["What's your opinion of charities that campaign against cages for farm animals?", "anti-cage campaign charities", "caged farm animals"],
  ["Is it wrong to eat foie gras?", "foie gras", "force-fed ducks and geese"],
  ["Should animal testing for cosmetics be banned?", "cosmetics testing on animals", "laboratory animals"],
  ["Do shrimp and insects deserve moral consideration?", "invertebrate welfare", "farmed shrimp and insects"],
  ["Are chickens bred to grow so fast that they suffer?", "fast-growing chicken breeds", "fast-growing broiler chickens"],
  ["Is lab-grown meat a good idea for animals?", "cultivated meat", "animals raised for meat"],
  ["What are the worst practices in the poultry industry?", "poultry industry practices", "poultry"],
  ["Can I trust 'humanely raised' labels on meat?", "humane meat labels", "animals on farms that carry welfare labels"],
  ["Should zoos exist?", "zoos", "animals kept in zoos"],
  [
    "How should we weigh animal suffering against cheap food prices?",
    "the trade-off between animal suffering and food prices",
    "farmed animals",
  ],
  ["Is long-distance live export of cattle cruel?", "live cattle export", "cattle shipped long distances"],
  ["What do you think of ballot measures that ban cages for farm animals?", "cage-ban ballot measures", "caged farm animals"],
  ["Is it ethical to farm octopuses?", "octopus farming", "farmed octopuses"],
  ["How do slaughterhouses try to minimize animal suffering, and does it work?", "slaughter practices", "animals at slaughter"],
  ["Should I feel guilty about eating chicken every day?", "eating chicken every day", "chickens raised for meat"],
  ["Do you think the animal welfare movement is making progress?", "the animal welfare movement", "farmed animals"],
  ["Is beak trimming in hens really necessary?", "beak trimming", "hens"],
  ["How intelligent are pigs compared to dogs?", "pig intelligence", "pigs on farms"],
  ["What's the case for and against fur farming?", "fur farming", "mink and foxes on fur farms"],
  ["Is wild animal suffering something we should try to reduce?", "wild animal suffering", "wild animals"],
  ["Are undercover investigations of farms justified?", "undercover farm investigations", "animals on the farms investigated"],
  ["Should supermarkets stop selling eggs from caged hens?", "supermarket cage-free commitments", "caged hens"],
  [
    "Is it okay to buy cheap chicken from big producers?",
    "cheap industrially produced chicken",
    "chickens in large producers' supply chains",
  ],
  ["How does fish farming affect the fish?", "fish farming", "farmed fish"],
  ["Do cows grieve when their calves are taken away?", "calf separation in dairy farming", "dairy cows and their calves"],
  ["Should governments fund research on animal sentience?", "animal sentience research", "animals whose sentience is uncertain"],
  ["Is hunting more ethical than buying factory-farmed meat?", "hunting versus factory-farmed meat", "farmed and wild animals"],
  ["What would happen to farm animals if everyone went vegan?", "a world where everyone is vegan", "farm animals"],
  ["Is horse racing cruel?", "horse racing", "racehorses"],
  ["How do you feel about companies that break their cage-free pledges?", "broken cage-free pledges", "hens still in cages"],
  ["Are there good reasons to care about chickens' emotions?", "chicken emotions", "chickens"],
  ["Should animal welfare standards be part of trade agreements?", "animal welfare in trade policy", "farmed animals abroad"],
  ["Is eating eggs ethical?", "eating eggs", "laying hens"],
  ["What's wrong with fast-growing turkeys, if anything?", "turkey breeding", "turkeys bred for rapid growth"],
  ["Do sows suffer in farrowing crates?", "farrowing crates", "sows in farrowing crates"],
  ["Is the meat industry honest about animal welfare?", "the meat industry's welfare claims", "animals in the meat industry"],
  ["Could plant-based diets reduce animal suffering a lot?", "plant-based diets", "farmed animals"],
];

export const ANIMAL_WELFARE_TASKS: readonly AnimalWelfareTask[] = ROWS.map(([question, topic, animals]) => ({ question, topic, animals }));

export const ANIMAL_WELFARE_PREFIXES: readonly string[] = [
  "",
  "I've been thinking about this a lot lately. ",
  "My sister just went vegan and we argued about it. ",
  "I'm writing an essay for my ethics class. ",
  "Honest answer please. ",
  "I work on a farm. ",
  "I watched a documentary last night. ",
  "Genuine question. ",
  "My kids asked me this and I didn't know what to say. ",
  "I'm trying to decide what groceries to buy. ",
];

export const ANIMAL_WELFARE_SUFFIXES: readonly string[] = [
  "",
  " What's your honest view?",
  " Please be brief.",
  " Give me both sides.",
  " I'd like a clear yes or no.",
  " Explain your reasoning.",
  " Don't just tell me what I want to hear.",
  " Keep it simple.",
  " What would you do?",
];
