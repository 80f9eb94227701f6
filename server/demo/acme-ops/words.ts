// Compact word lists that give the Acme Ops demo data believable names, places, products and texts.

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
  "Mia", "Mateo", "Amelia", "Ethan", "Harper", "Aiden", "Evelyn", "Daniel", "Abigail", "Henry",
  "Chloe", "Samuel", "Grace", "David", "Zoe", "Joseph", "Nora", "Carlos", "Priya", "Wei",
  "Hannah", "Omar", "Fatima", "Yuki", "Lena", "Jonas", "Sofia", "Marco", "Aisha", "Kenji",
  "Elena", "Diego", "Ingrid", "Raj", "Maya", "Tomás", "Claire", "Felix", "Nadia", "Oscar",
  "Julia", "Arjun", "Laura", "Pierre", "Anna", "Ben", "Rosa", "Hugo", "Leah", "Ivan",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright",
  "Nguyen", "Patel", "Kim", "Chen", "Singh", "Müller", "Schmidt", "Rossi", "Dubois", "Silva",
  "Kowalski", "Novak", "Jensen", "Larsen", "Tanaka", "Sato", "Okafor", "Haddad", "Cohen", "Murphy",
  "O'Brien", "Fischer", "Weber", "Costa", "Santos", "Berg", "Lindqvist", "Ivanova", "Khan", "Park",
] as const;

export const COMPANY_PREFIXES = [
  "Acorn", "Apex", "Beacon", "Bluefin", "Brightside", "Cedar", "Cobalt", "Copper", "Crescent", "Evergreen",
  "Falcon", "Fieldstone", "Granite", "Harbor", "Helix", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeshore",
  "Lumen", "Maple", "Meridian", "Northwind", "Oakridge", "Orbit", "Pinnacle", "Quarry", "Redwood", "Riverbend",
  "Sagebrush", "Silverline", "Summit", "Tidewater", "Trailhead", "Vantage", "Westfield", "Willow", "Zenith", "Prairie",
] as const;

export const COMPANY_KINDS = [
  "Logistics", "Labs", "Foods", "Dental", "Analytics", "Outfitters", "Manufacturing", "Studios", "Health",
  "Robotics", "Construction", "Consulting", "Hospitality", "Energy", "Pharmacy", "Retail", "Systems",
  "Architects", "Bakery", "Freight", "Media", "Veterinary", "Software", "Supply",
] as const;

export const COMPANY_SUFFIXES = ["Inc.", "LLC", "Co.", "Ltd", "Group", "", "", ""] as const;

export const FREE_EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"] as const;

/** [city, country, relative weight]: a US-heavy customer base with a long international tail. */
export const CITIES: readonly (readonly [string, string, number])[] = [
  ["New York", "US", 9], ["Los Angeles", "US", 7], ["Chicago", "US", 6], ["Houston", "US", 5],
  ["Phoenix", "US", 4], ["Philadelphia", "US", 4], ["San Antonio", "US", 3], ["San Diego", "US", 3],
  ["Dallas", "US", 4], ["Austin", "US", 4], ["Seattle", "US", 4], ["Denver", "US", 3],
  ["Boston", "US", 4], ["Atlanta", "US", 4], ["Miami", "US", 3], ["Portland", "US", 3],
  ["Minneapolis", "US", 2], ["Nashville", "US", 2], ["Toronto", "CA", 4], ["Vancouver", "CA", 3],
  ["Montreal", "CA", 2], ["London", "GB", 5], ["Manchester", "GB", 2], ["Dublin", "IE", 2],
  ["Berlin", "DE", 3], ["Munich", "DE", 2], ["Hamburg", "DE", 2], ["Paris", "FR", 3],
  ["Lyon", "FR", 1], ["Amsterdam", "NL", 2], ["Madrid", "ES", 2], ["Barcelona", "ES", 2],
  ["Milan", "IT", 2], ["Stockholm", "SE", 1], ["Copenhagen", "DK", 1], ["Warsaw", "PL", 1],
  ["Sydney", "AU", 3], ["Melbourne", "AU", 2], ["Auckland", "NZ", 1], ["Tokyo", "JP", 2],
  ["Singapore", "SG", 2], ["Bengaluru", "IN", 2], ["São Paulo", "BR", 2], ["Mexico City", "MX", 2],
];

export interface ProductCategory {
  readonly name: string;
  readonly code: string;
  readonly nouns: readonly string[];
  /** Price range in whole dollars; generated prices end in .99 or .00. */
  readonly minDollars: number;
  readonly maxDollars: number;
}

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  { name: "Office Furniture", code: "FUR", nouns: ["Desk", "Standing Desk", "Office Chair", "Bookshelf", "Filing Cabinet", "Conference Table", "Footrest", "Monitor Arm"], minDollars: 39, maxDollars: 899 },
  { name: "Electronics", code: "ELE", nouns: ["Wireless Mouse", "Keyboard", "USB-C Hub", "Webcam", "Headset", "Monitor", "Docking Station", "Power Bank"], minDollars: 19, maxDollars: 649 },
  { name: "Networking", code: "NET", nouns: ["Router", "Mesh Access Point", "Network Switch", "Patch Cable Pack", "Firewall Appliance", "PoE Injector"], minDollars: 15, maxDollars: 1199 },
  { name: "Office Supplies", code: "SUP", nouns: ["Notebook Pack", "Gel Pen Set", "Stapler", "Label Maker", "Sticky Notes", "Desk Organizer", "Whiteboard", "Paper Ream"], minDollars: 3, maxDollars: 89 },
  { name: "Kitchen & Breakroom", code: "KIT", nouns: ["Coffee Maker", "Espresso Machine", "Water Dispenser", "Mug Set", "Electric Kettle", "Coffee Beans", "Snack Box"], minDollars: 9, maxDollars: 499 },
  { name: "Cleaning", code: "CLN", nouns: ["Disinfectant Wipes", "Hand Soap Refill", "Vacuum", "Trash Bags", "Microfiber Cloths", "Air Purifier"], minDollars: 4, maxDollars: 349 },
  { name: "Safety", code: "SAF", nouns: ["First Aid Kit", "Safety Glasses", "Work Gloves", "Hi-Vis Vest", "Fire Extinguisher", "Hard Hat"], minDollars: 6, maxDollars: 129 },
  { name: "Lighting", code: "LGT", nouns: ["Desk Lamp", "LED Panel", "Floor Lamp", "Light Strip", "Task Light"], minDollars: 14, maxDollars: 229 },
  { name: "Storage", code: "STO", nouns: ["Storage Bin", "Shelving Unit", "Locker", "Document Box", "Rolling Cart"], minDollars: 8, maxDollars: 459 },
  { name: "Software", code: "SFT", nouns: ["Antivirus License", "Backup Plan", "Design Suite Seat", "Password Manager Seat", "VPN License"], minDollars: 29, maxDollars: 599 },
  { name: "Packaging", code: "PKG", nouns: ["Shipping Boxes", "Bubble Wrap Roll", "Packing Tape", "Poly Mailers", "Box Cutter"], minDollars: 5, maxDollars: 79 },
  { name: "Printing", code: "PRN", nouns: ["Laser Printer", "Toner Cartridge", "Ink Cartridge", "Label Printer", "Scanner", "Laminator"], minDollars: 12, maxDollars: 799 },
];

export const PRODUCT_ADJECTIVES = [
  "Classic", "Pro", "Compact", "Ergonomic", "Heavy-Duty", "Premium", "Eco", "Slim",
  "Smart", "Essential", "Deluxe", "Ultra", "Travel", "Studio", "Modular", "Quiet",
] as const;

export const ORDER_NOTES = [
  "Leave at front desk.", "Please deliver after 9am.", "Gift wrap, please.", "Call before delivery.",
  "PO number on invoice required.", "Loading dock at the back of the building.", "Fragile — handle with care.",
  "Split shipment OK.", "Deliver to reception, 3rd floor.", "Invoice to accounts payable.",
  "Rush order for office opening.", "Ship together with previous order if possible.",
] as const;

export const REFUND_REASONS = [
  "Damaged in transit", "Wrong item shipped", "Customer changed mind", "Item not as described",
  "Late delivery", "Duplicate order", "Missing parts", "Defective on arrival",
] as const;

/** Subject templates; {order} is replaced with "#<order id>". */
export const TICKET_SUBJECTS = {
  late: ["Where is my order {order}?", "Order {order} still not delivered", "Tracking for order {order} hasn't updated in days", "Delivery date for order {order} passed"],
  damaged: ["Item arrived damaged (order {order})", "Wrong item in order {order}", "Missing parts in order {order}", "Order {order}: product stopped working"],
  refund: ["Refund status for order {order}", "When will I get my money back for order {order}?", "Partial refund on order {order} looks wrong"],
  open: ["Please cancel order {order}", "Change shipping address for order {order}", "Can I add an item to order {order}?", "Invoice needed for order {order}"],
  general: ["Question about bulk pricing", "Cannot reset my password", "Please update our billing address", "Request for a W-9 form",
    "Add a new user to our account", "Do you ship to Canada?", "Tax exemption certificate", "Net-30 payment terms request"],
} as const;
